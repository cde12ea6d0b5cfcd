using Microsoft.AspNetCore.Authorization;

namespace AlloIndustrie.WebFront.Dashboard.Authorization;

/// <summary>Checks a requirement against the account as it is now in its grain, not as the session remembers it.</summary>
public sealed class PerimeterHandler(CurrentAccount current) : AuthorizationHandler<PerimeterRequirement, PerimeterTarget>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, PerimeterRequirement requirement, PerimeterTarget resource)
    {
        if (await current.Get(context.User) is { } account && PerimeterRules.Allows(account, requirement.Action, resource))
        {
            context.Succeed(requirement);
        }
    }
}
