using AlloIndustrie.Grains.Interfaces.Words;
using AlloIndustrie.WebFront.Residents;
using AlloIndustrie.WebFront.Residents.Localization;
using AlloIndustrie.WebFront.Residents.Reading;
using AlloIndustrie.WebFront.Hosting.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace AlloIndustrie.WebFront.Residents.Live;

/// <summary>
/// The contract's hub: clients watch a territory and receive <c>noticeChanged</c> for each of its notices. The
/// public pages watch their list instead and receive <c>listChanged</c>, with the change already rendered.
/// </summary>
public sealed class NoticeHub(IGrainFactory grains, TerritorySubscriptions subscriptions, PublicNoticeReader reader, NoticeRelay relay, WebMetrics metrics) : Hub
{
    public const string Path = "/hubs/notices";
    public const string NoticeChanged = "noticeChanged";
    public const string ListChanged = "listChanged";

    /// <summary>Beyond the contract: the audio of a notice's current version exists (the notice did not change).</summary>
    public const string AudioReady = "audioReady";

    public static string Group(string territory) => $"territory:{territory}";

    public async Task Watch(string territory)
    {
        if (!await KnownTerritory.Exists(grains, territory))
        {
            throw new HubException("Territoire inconnu.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(territory));
        await subscriptions.SubscribeTo(territory);
        Counted(territory);
    }

    /// <summary>
    /// Watches a list as a page shows it (<paramref name="site"/> for a site's page or widget, the widget's
    /// <paramref name="compact"/> list, <paramref name="language"/> "en" or "fr"). Answers the list's state now,
    /// so that a page already showing it fetches nothing.
    /// </summary>
    public async Task<string> WatchList(string territory, string? site, bool compact, string? language)
    {
        var list = new LiveList(territory, site, compact, language == "en" ? Language.English : Language.French);
        if (!relay.IsWatched(list))
        {
            var known = await reader.Territory(territory);
            if (known is null || (site is not null && known.Site(site) is null))
            {
                throw new HubException(known is null ? "Territoire inconnu." : "Site inconnu.");
            }

            relay.Watch(list);
        }

        // In the group before reading the state: a change made in between is then both in the state and pushed.
        await Groups.AddToGroupAsync(Context.ConnectionId, list.Group);
        await subscriptions.SubscribeTo(territory);
        Counted(territory);
        var view = await reader.Territory(territory) ?? throw new HubException("Territoire inconnu.");
        return LiveList.State((site is null ? view.Page(1) : view.ForSite(site)).Notices);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var territory in Watched)
        {
            metrics.StoppedWatching(territory);
        }

        return base.OnDisconnectedAsync(exception);
    }

    private void Counted(string territory)
    {
        if (Watched.Add(territory))
        {
            metrics.Watching(territory);
        }
    }

    /// <summary>The territories this connection watches, counted once each however often it asks.</summary>
    private HashSet<string> Watched =>
        Context.Items.TryGetValue(nameof(Watched), out var watched) && watched is HashSet<string> set
            ? set
            : (HashSet<string>)(Context.Items[nameof(Watched)] = new HashSet<string>(StringComparer.Ordinal));
}
