using AlloIndustrie.Grains.Interfaces.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace AlloIndustrie.WebFront.Dashboard.Authorization;

/// <summary>Checks <see cref="PlatformAdminRequirement"/> against the account in its grain, not the session's memory.</summary>
public sealed class PlatformAdminHandler(CurrentAccount current) : AuthorizationHandler<PlatformAdminRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PlatformAdminRequirement requirement)
    {
        if (await current.Get(context.User) is { Role: AccountRole.SuperAdmin, Disabled: false })
        {
            context.Succeed(requirement);
        }
    }
}
