using AlloIndustrie.Grains.Interfaces.Accounts;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Dashboard;
using AlloIndustrie.WebFront.Dashboard.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace AlloIndustrie.WebFront.Residents.Reports.Alerts;

/// <summary>
/// Dashboards listening for cluster alerts. It lives under the dashboard's path, where its session cookie is
/// sent; each connection joins the groups of what its account may see, and only hears the alerts' ids.
/// </summary>
[Authorize]
public sealed class ReportAlertHub(IGrainFactory grains, CurrentAccount current, ReportAlertSubscriptions subscriptions) : Hub
{
    public const string Path = DashboardExtensions.Root + "/alertes/direct";

    public static string TerritoryGroup(string territory) => "territory:" + territory;

    public static string SiteGroup(string territory, string site) => $"site:{territory}/{site}";

    public override async Task OnConnectedAsync()
    {
        if (await current.Get(Context.User!) is not { } account)
        {
            Context.Abort();
            return;
        }

        var territories = await grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).List();
        var watched = new List<string>();
        foreach (var territory in territories)
        {
            if (PerimeterRules.Allows(account, PerimeterAction.ReadTerritory, new PerimeterTarget(territory.Slug)))
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, TerritoryGroup(territory.Slug));
                watched.Add(territory.Slug);
            }
            else if (account.Role == AccountRole.Operator && !account.Sites.IsDefault)
            {
                foreach (var key in account.Sites.Where(k => k.StartsWith(territory.Slug + "/", StringComparison.Ordinal)))
                {
                    await Groups.AddToGroupAsync(Context.ConnectionId, "site:" + key);
                    watched.Add(territory.Slug);
                }
            }
        }

        // A territory's alerts grain that came back on another silo must not wait for the next renewal to reach this node.
        await Task.WhenAll(watched.Distinct().Select(subscriptions.SubscribeTo));
        await base.OnConnectedAsync();
    }
}
