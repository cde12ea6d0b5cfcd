namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>
/// Where a resident says they are, in degrees, snapped by <see cref="ReportLocation.Round"/> to a grid of about
/// 500 m. It only serves to find the commune, and is never stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.ReportPosition")]
public sealed record ReportPosition(
    [property: Id(0)] double Latitude,
    [property: Id(1)] double Longitude);
