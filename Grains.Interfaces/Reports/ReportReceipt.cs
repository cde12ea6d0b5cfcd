using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>
/// An accepted report: the commune it was recorded for (null for a phone report, which speaks for the whole
/// territory) and the notices that probably explain it, possibly none.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.ReportReceipt")]
public sealed record ReportReceipt(
    [property: Id(0)] string? Commune,
    [property: Id(1)] ImmutableArray<ReportExplanation> Explanations);
