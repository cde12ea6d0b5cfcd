using AlloIndustrie.Grains.Interfaces.Reports;
using AlloIndustrie.WebFront.Hosting.Observers;

namespace AlloIndustrie.WebFront.Residents.Reports.Alerts;

/// <summary>Keeps this node's <see cref="ReportAlertRelay"/> subscribed to every territory's report alerts.</summary>
public sealed class ReportAlertSubscriptions(IGrainFactory grains, ReportAlertRelay relay, TimeProvider clock, ILogger<ReportAlertSubscriptions> logger)
    : TerritoryObservers<IReportAlertObserver>(grains, clock, logger)
{
    protected override string Observed => "report alerts";

    protected override IReportAlertObserver CreateReference(IGrainFactory factory) => factory.CreateObjectReference<IReportAlertObserver>(relay);

    protected override Task Subscribe(IGrainFactory factory, string territory, IReportAlertObserver observer) =>
        factory.GetGrain<IReportAlertsGrain>(territory).Subscribe(observer);

    protected override Task Unsubscribe(IGrainFactory factory, string territory, IReportAlertObserver observer) =>
        factory.GetGrain<IReportAlertsGrain>(territory).Unsubscribe(observer);
}
