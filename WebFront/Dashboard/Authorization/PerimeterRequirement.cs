using Microsoft.AspNetCore.Authorization;

namespace AlloIndustrie.WebFront.Dashboard.Authorization;

/// <summary>An authorization requirement for one <see cref="PerimeterAction"/> on a <see cref="PerimeterTarget"/>.</summary>
public sealed record PerimeterRequirement(PerimeterAction Action) : IAuthorizationRequirement;
