using System.Security.Claims;
using AlloIndustrie.Grains.Interfaces.Accounts;

namespace AlloIndustrie.WebFront.Dashboard.Authorization;

/// <summary>The signed-in account, read from its grain once per request.</summary>
public sealed class CurrentAccount(IGrainFactory grains)
{
    private AccountRecord? loaded;
    private string? loadedFor;

    /// <summary>The account, or null if nobody is signed in or the account is gone or disabled.</summary>
    public async Task<AccountRecord?> Get(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return null;
        }

        if (loadedFor != id)
        {
            loaded = await grains.GetGrain<IAccountGrain>(id).Get();
            loadedFor = id;
        }

        return loaded is { Disabled: false } ? loaded : null;
    }
}
