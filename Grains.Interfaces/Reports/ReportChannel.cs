namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>How a report came in.</summary>
[GenerateSerializer, Alias("AlloIndustrie.ReportChannel")]
public enum ReportChannel
{
    Web = 0,
    Phone = 1,
}
