using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>
/// Residents of nearby communes reported the same kind of thing and no notice explains it. It goes to the
/// territory's administrators and to the operators of <see cref="Sites"/>, which perceive those communes,
/// until one of them acknowledges it.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.ReportAlert")]
public sealed record ReportAlert(
    [property: Id(0)] string Id,
    [property: Id(1)] string Territory,
    [property: Id(2)] string Kind,
    [property: Id(3)] ImmutableArray<ReportAlertCommune> Communes,
    [property: Id(4)] ImmutableArray<string> Sites,
    [property: Id(5)] int Sources,
    [property: Id(6)] DateTimeOffset RaisedAt,
    [property: Id(7)] DateTimeOffset LastReportAt,
    [property: Id(8)] ImmutableArray<string> Texts,
    [property: Id(9)] string? AcknowledgedBy,
    [property: Id(10)] DateTimeOffset? AcknowledgedAt)
{
    public bool Acknowledged => AcknowledgedAt is not null;
}
