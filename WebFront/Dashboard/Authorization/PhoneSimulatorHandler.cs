using AlloIndustrie.Grains.Interfaces.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace AlloIndustrie.WebFront.Dashboard.Authorization;

/// <summary>Checks <see cref="PhoneSimulatorRequirement"/> against the account as it stands in its grain.</summary>
public sealed class PhoneSimulatorHandler(CurrentAccount current) : AuthorizationHandler<PhoneSimulatorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PhoneSimulatorRequirement requirement)
    {
        if (await current.Get(context.User) is { Disabled: false, Role: not AccountRole.Authority })
        {
            context.Succeed(requirement);
        }
    }
}
