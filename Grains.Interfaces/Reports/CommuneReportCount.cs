namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>How many reports of one kind came from one commune; <see cref="Commune"/> is null for the phone's.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.CommuneReportCount")]
public sealed record CommuneReportCount(
    [property: Id(0)] string? Commune,
    [property: Id(1)] string Kind,
    [property: Id(2)] int Count);
