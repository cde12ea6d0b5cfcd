using Microsoft.AspNetCore.Authorization;

namespace AlloIndustrie.WebFront.Dashboard.Authorization;

/// <summary>Only a super administrator, as the account stands now: for tools that see the whole platform.</summary>
public sealed record PlatformAdminRequirement : IAuthorizationRequirement
{
    public const string Policy = "PlatformAdmin";
}
