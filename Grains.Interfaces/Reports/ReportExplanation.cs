namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>A notice that probably explains what a resident reported.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.ReportExplanation")]
public sealed record ReportExplanation(
    [property: Id(0)] string NoticeId,
    [property: Id(1)] string Title,
    [property: Id(2)] string SiteName,
    [property: Id(3)] string Company);
