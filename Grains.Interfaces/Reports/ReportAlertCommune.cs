namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>One commune of an alert and its number of reports; <see cref="Commune"/> is null for reports by phone.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.ReportAlertCommune")]
public sealed record ReportAlertCommune(
    [property: Id(0)] string? Commune,
    [property: Id(1)] int Reports);
