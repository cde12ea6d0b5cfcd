namespace AlloIndustrie.WebFront.Dashboard.Authorization;

/// <summary>The territory (and, for a site's actions, the site) a request acts on, as taken from its route.</summary>
public sealed record PerimeterTarget(string Territory, string? Site = null);
