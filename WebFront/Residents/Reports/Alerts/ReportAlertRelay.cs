using AlloIndustrie.Grains.Interfaces.Reports;
using Microsoft.AspNetCore.SignalR;

namespace AlloIndustrie.WebFront.Residents.Reports.Alerts;

/// <summary>
/// This node's observer of the territories' alerts: it tells the dashboards concerned that an alert changed,
/// by id only; they read it again through their own authorised page.
/// </summary>
public sealed class ReportAlertRelay(IHubContext<ReportAlertHub> hub) : IReportAlertObserver
{
    public Task AlertChanged(ReportAlert alert) =>
        hub.Clients
            .Groups([ReportAlertHub.TerritoryGroup(alert.Territory), .. alert.Sites.Select(site => ReportAlertHub.SiteGroup(alert.Territory, site))])
            .SendAsync("alertChanged", alert.Id);
}
