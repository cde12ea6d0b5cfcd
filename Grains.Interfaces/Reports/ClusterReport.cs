namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>
/// An accepted report as a cluster counts it. <see cref="SourceToken"/> is the source salted with a key that
/// lives only in the silo's memory and rotates: it tells sources apart, never who they are.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.ClusterReport")]
public sealed record ClusterReport(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Commune,
    [property: Id(2)] DateTimeOffset OccurredAt,
    [property: Id(3)] string SourceToken,
    [property: Id(4)] string? Text);
