namespace AlloIndustrie.Grains.Reports;

/// <summary>One report as the heat map counts it: when (to the minute), where and what.</summary>
public sealed record ReportTally(DateTimeOffset At, string? Commune, string Kind);
