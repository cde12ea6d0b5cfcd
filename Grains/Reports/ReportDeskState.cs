namespace AlloIndustrie.Grains.Reports;

/// <summary>What the desk keeps: one tally per report of the last 24 hours, without text nor source.</summary>
public sealed class ReportDeskState
{
    public List<ReportTally> Tallies { get; set; } = [];
}
