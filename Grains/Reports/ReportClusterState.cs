using AlloIndustrie.Grains.Interfaces.Reports;

namespace AlloIndustrie.Grains.Reports;

/// <summary>The window of one kind of report in one territory, and the open alert it feeds, if any.</summary>
public sealed class ReportClusterState
{
    /// <summary>Reports still in the window, oldest first.</summary>
    public List<ClusterReport> Reports { get; set; } = [];

    /// <summary>Ids of the reports already counted in an alert.</summary>
    public HashSet<string> Counted { get; set; } = [];

    /// <summary>The alert not yet acknowledged, which new reports nearby extend rather than raising another.</summary>
    public ReportAlert? OpenAlert { get; set; }

    /// <summary>Source tokens of the open alert's reports, to count its distinct sources.</summary>
    public HashSet<string> OpenAlertSources { get; set; } = [];

    /// <summary>Reports of the open alert per commune ("" for the phone's).</summary>
    public Dictionary<string, int> OpenAlertCommunes { get; set; } = [];
}
