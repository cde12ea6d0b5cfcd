using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>
/// What became of a report: accepted, with the commune it was recorded for and the notices that probably explain
/// it (possibly none), or refused with a French message and, for an invalid field, its name. What
/// <see cref="IReportDeskGrain.Submit"/> answers the previous release's web fronts and this release's phone calls;
/// web fronts of this release read a <see cref="ReportReceipt"/> or a <see cref="Notices.CommandError"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.ReportOutcome")]
public sealed record ReportOutcome(
    [property: Id(0)] ReportErrorKind? Error,
    [property: Id(1)] string? Field,
    [property: Id(2)] string? Message,
    [property: Id(3)] ImmutableArray<ReportExplanation> Explanations,
    [property: Id(4)] string? Commune = null)
{
    public bool Accepted => Error is null;

    public static ReportOutcome Explained(string? commune, ImmutableArray<ReportExplanation> explanations) => new(null, null, null, explanations, commune);

    public static ReportOutcome Refused(ReportErrorKind error, string message, string? field = null) => new(error, field, message, []);
}
