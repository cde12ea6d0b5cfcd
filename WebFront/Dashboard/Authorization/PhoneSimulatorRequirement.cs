using Microsoft.AspNetCore.Authorization;

namespace AlloIndustrie.WebFront.Dashboard.Authorization;

/// <summary>The phone simulator is for those who publish or administer: operators, territory and super administrators.</summary>
public sealed record PhoneSimulatorRequirement : IAuthorizationRequirement
{
    public const string Policy = "PhoneSimulator";
}
