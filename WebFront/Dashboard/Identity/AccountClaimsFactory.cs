using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.WebFront.Dashboard.Identity;

/// <summary>
/// Adds the role to the session for display only: every authorization decision reads the account's current
/// role and perimeter from its grain, so that a change applies at the next request.
/// </summary>
public sealed class AccountClaimsFactory(UserManager<AccountUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AccountUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AccountUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        return identity;
    }
}
