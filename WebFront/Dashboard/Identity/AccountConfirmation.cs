using Microsoft.AspNetCore.Identity;

namespace AlloIndustrie.WebFront.Dashboard.Identity;

/// <summary>A disabled account may not sign in, whatever its password or lockout.</summary>
public sealed class AccountConfirmation : IUserConfirmation<AccountUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AccountUser> manager, AccountUser user) => Task.FromResult(!user.Disabled);
}
