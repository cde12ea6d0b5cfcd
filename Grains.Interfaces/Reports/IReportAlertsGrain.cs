using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>
/// A territory's cluster alerts, keyed by its slug: kept 30 days, acknowledged by an administrator or an
/// operator of a site concerned, and pushed to the web nodes that observe it.
/// </summary>
[Alias("AlloIndustrie.IReportAlertsGrain")]
public interface IReportAlertsGrain : IGrainWithStringKey
{
    /// <summary>Records a new alert or a new state of an open one (called by the clusters).</summary>
    [Alias("Save")]
    Task Save(ReportAlert alert);

    /// <summary>The territory's alerts, newest first.</summary>
    [Alias("List")]
    Task<ImmutableArray<ReportAlert>> List();

    /// <summary>One alert, or null if unknown or older than 30 days.</summary>
    [Alias("Get")]
    Task<ReportAlert?> Get(string alertId);

    /// <summary>Marks an alert acknowledged by <paramref name="by"/>; null if unknown. Acknowledging twice keeps the first.</summary>
    [Alias("Acknowledge")]
    Task<ReportAlert?> Acknowledge(string alertId, string by);

    /// <summary>Registers (or renews) a web node's observer; it lapses unless renewed within a few minutes.</summary>
    [Alias("Subscribe")]
    Task Subscribe(IReportAlertObserver observer);

    /// <summary>Removes a web node's observer.</summary>
    [Alias("Unsubscribe")]
    Task Unsubscribe(IReportAlertObserver observer);
}
