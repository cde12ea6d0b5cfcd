using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Public;
using AlloIndustrie.WebFront.Public.Localization;
using AlloIndustrie.WebFront.Public.Reading;
using Microsoft.AspNetCore.SignalR;

namespace AlloIndustrie.WebFront.Live;

/// <summary>
/// The contract's hub: clients watch a territory and receive <c>noticeChanged</c> for each of its notices. The
/// public pages watch their list instead and receive <c>listChanged</c>, with the change already rendered.
/// </summary>
public sealed class NoticeHub(IGrainFactory grains, TerritorySubscriptions subscriptions, PublicNoticeReader reader, NoticeRelay relay) : Hub
{
    public const string Path = "/hubs/notices";
    public const string NoticeChanged = "noticeChanged";
    public const string ListChanged = "listChanged";

    public static string Group(string territory) => $"territory:{territory}";

    public async Task Watch(string territory)
    {
        if (!Slugs.IsTerritory(territory) || await grains.GetGrain<ITerritoryGrain>(territory).GetProfile() is null)
        {
            throw new HubException("Territoire inconnu.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(territory));
        await subscriptions.SubscribeTo(territory);
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
        var view = await reader.Territory(territory) ?? throw new HubException("Territoire inconnu.");
        return LiveList.State((site is null ? view : view.ForSite(site)).Notices);
    }
}
