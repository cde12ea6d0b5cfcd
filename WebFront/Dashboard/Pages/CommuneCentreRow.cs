namespace AlloIndustrie.WebFront.Dashboard.Pages;

/// <summary>One commune's line in the territory's form of commune centres, as typed (blank: no centre).</summary>
public sealed record CommuneCentreRow(string Commune, string Latitude, string Longitude);
