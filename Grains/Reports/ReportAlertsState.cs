using AlloIndustrie.Grains.Interfaces.Reports;

namespace AlloIndustrie.Grains.Reports;

/// <summary>A territory's alerts of the last 30 days, by id.</summary>
public sealed class ReportAlertsState
{
    public Dictionary<string, ReportAlert> Alerts { get; set; } = [];
}
