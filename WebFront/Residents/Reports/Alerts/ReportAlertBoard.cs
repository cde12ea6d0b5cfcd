using System.Collections.Immutable;
using System.Security.Claims;
using AlloIndustrie.Grains.Interfaces.Accounts;
using AlloIndustrie.Grains.Interfaces.Reports;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Dashboard.Authorization;

namespace AlloIndustrie.WebFront.Residents.Reports.Alerts;

/// <summary>
/// The cluster alerts one account may see: all of a territory it administers or reads (authorities, for their
/// statistics), and for an operator those naming one of its sites. Only administrators and the operators
/// concerned acknowledge them.
/// </summary>
public sealed class ReportAlertBoard(IGrainFactory grains, CurrentAccount current)
{
    public async Task<ImmutableArray<ReportAlertItem>> Visible(ClaimsPrincipal user)
    {
        if (await current.Get(user) is not { } account)
        {
            return [];
        }

        var territories = await grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).List();
        var visible = new List<ReportAlertItem>();
        foreach (var territory in territories)
        {
            var reads = PerimeterRules.Allows(account, PerimeterAction.ReadTerritory, new PerimeterTarget(territory.Slug));
            var operates = account.Role == AccountRole.Operator && !account.Sites.IsDefaultOrEmpty
                && account.Sites.Any(key => key.StartsWith(territory.Slug + "/", StringComparison.Ordinal));
            if (reads || operates)
            {
                var alerts = await grains.GetGrain<IReportAlertsGrain>(territory.Slug).List();
                visible.AddRange(alerts
                    .Select(alert => new ReportAlertItem(alert, MayAcknowledge(account, alert)))
                    .Where(item => reads || item.MayAcknowledge));
            }
        }

        return [.. visible.OrderBy(item => item.Alert.Acknowledged).ThenByDescending(item => item.Alert.RaisedAt)];
    }

    public static bool MayAcknowledge(AccountRecord account, ReportAlert alert) =>
        PerimeterRules.Allows(account, PerimeterAction.AdministerTerritory, new PerimeterTarget(alert.Territory))
        || (account.Role == AccountRole.Operator
            && alert.Sites.Any(site => PerimeterRules.Allows(account, PerimeterAction.OperateSite, new PerimeterTarget(alert.Territory, site))));

    /// <summary>Acknowledges an alert in the name of the signed-in account, if it may; null otherwise.</summary>
    public async Task<(ReportAlert Before, ReportAlert After)?> Acknowledge(ClaimsPrincipal user, string territory, string alertId)
    {
        var alerts = grains.GetGrain<IReportAlertsGrain>(territory);
        if (await current.Get(user) is not { } account || await alerts.Get(alertId) is not { } alert || !MayAcknowledge(account, alert))
        {
            return null;
        }

        return await alerts.Acknowledge(alertId, account.DisplayName) is { } acknowledged ? (alert, acknowledged) : null;
    }
}
