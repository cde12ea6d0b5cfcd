namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>A web node relaying a territory's cluster alerts to the dashboards open on it.</summary>
[Alias("AlloIndustrie.IReportAlertObserver")]
public interface IReportAlertObserver : IGrainObserver
{
    /// <summary>An alert was raised, grew, or was acknowledged.</summary>
    [Alias("AlertChanged")]
    Task AlertChanged(ReportAlert alert);
}
