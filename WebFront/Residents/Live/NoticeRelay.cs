using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using AlloIndustrie.Grains.Interfaces.Live;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.WebFront.Residents.Caching;
using AlloIndustrie.WebFront.Residents.Http;
using AlloIndustrie.WebFront.Residents.Localization;
using AlloIndustrie.WebFront.Residents.Pages;
using AlloIndustrie.WebFront.Residents.Reading;
using AlloIndustrie.WebFront.Hosting.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace AlloIndustrie.WebFront.Residents.Live;

/// <summary>
/// This web node's single observer of the territories: it drops the node's cached pages and feeds of the
/// territory first, then tells the browsers. Clients of the contract get the notice (<c>noticeChanged</c>,
/// <c>audioReady</c>); each list the public pages watch gets the change already rendered (<c>listChanged</c>),
/// once per list rather than once per browser, so that no browser has to fetch anything to show it.
/// </summary>
public sealed class NoticeRelay(
    IHubContext<NoticeHub> hub,
    PublicPageCache cache,
    PageWarmer warmer,
    PublicNoticeReader reader,
    PageRenderer pages,
    PublicSiteOptions options,
    TimeProvider clock,
    WebMetrics metrics,
    ILogger<NoticeRelay> logger)
    : BackgroundService, INoticeAudioObserver
{
    // The territory grain, and through it the operator's request and every page read of the territory, waits
    // for NoticeChanged; writing one message to 10,000 WebSockets takes the better part of a second (measured
    // in bench/), so the browsers are told by one loop behind this queue, which also keeps changes in order.
    private readonly Channel<Change> broadcasts = Channel.CreateUnbounded<Change>(new UnboundedChannelOptions { SingleReader = true });

    // Bounded by what exists: two languages, two views, each site of each territory (the hub checks them).
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<LiveList, bool>> lists = new(StringComparer.Ordinal);

    // What this node last relayed of each notice, by territory, and the territories it has caught up with once.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Relayed>> relayed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> caughtUp = new(StringComparer.Ordinal);

    public Task NoticeChanged(NoticeSnapshot notice)
    {
        var current = notice.AsOf(clock.GetUtcNow());
        if (!Record(current))
        {
            // A repeated push, or one older than what a catch-up already told.
            return Task.CompletedTask;
        }

        Relay(current);
        return Task.CompletedTask;
    }

    // A territory first watched after this node started (one created meanwhile) may have changed before the
    // node's first subscription reached it: those changes are told, older ones were never this node's to tell.
    private readonly DateTimeOffset startedAt = clock.GetUtcNow();

    /// <summary>
    /// The territory had forgotten this node (<see cref="Grains.Interfaces.Territories.ITerritoryGrain.Watch"/>)
    /// and sent it <paramref name="held"/>: the changes it did not push since are told now. The first time, only
    /// the changes made since this node started are.
    /// </summary>
    public void CatchUp(string territory, ImmutableArray<NoticeSnapshot> held)
    {
        Evict(territory);
        var first = caughtUp.TryAdd(territory, true);
        var known = relayed.GetOrAdd(territory, _ => new(StringComparer.Ordinal));

        // The territory drops a notice a day after its expiry; so does this node.
        foreach (var gone in known.Keys.Except(held.Select(n => n.Id)).ToList())
        {
            known.TryRemove(gone, out _);
        }

        foreach (var notice in held)
        {
            if (Record(notice) && (!first || notice.UpdatedAt >= startedAt))
            {
                logger.LogInformation("Notice {Id} of {Territory} changed while its territory did not know this node: told now", notice.Id, territory);
                Relay(notice);
            }
        }
    }

    /// <summary>Whether <paramref name="notice"/> is newer than what this node last relayed of it; if so it is now the last.</summary>
    private bool Record(NoticeSnapshot notice)
    {
        var versions = relayed.GetOrAdd(notice.Territory, _ => new(StringComparer.Ordinal));
        var next = new Relayed(notice.Version, notice.Status, notice.ExpiresAt);
        while (true)
        {
            if (!versions.TryGetValue(notice.Id, out var last))
            {
                if (versions.TryAdd(notice.Id, next))
                {
                    Prune(versions);
                    return true;
                }

                continue;
            }

            // A version's status only moves forward (scheduled, active, ended, then expired or withdrawn).
            if ((last.Version, (int)last.Status).CompareTo((next.Version, (int)next.Status)) >= 0)
            {
                return false;
            }

            if (versions.TryUpdate(notice.Id, next, last))
            {
                return true;
            }
        }
    }

    /// <summary>Between catch-ups, forgets notices the territory itself has dropped, now and then.</summary>
    private void Prune(ConcurrentDictionary<string, Relayed> relayed)
    {
        if (relayed.Count % 256 != 0)
        {
            return;
        }

        var dropped = clock.GetUtcNow() - TimeSpan.FromDays(1);
        foreach (var (id, last) in relayed.Where(entry => entry.Value.ExpiresAt < dropped).ToList())
        {
            relayed.TryRemove(KeyValuePair.Create(id, last));
        }
    }

    private void Relay(NoticeSnapshot current)
    {
        logger.LogDebug("Notice {Id} of {Territory} is now version {Version}, {Status}", current.Id, current.Territory, current.Version, current.Status);
        Evict(current.Territory);
        broadcasts.Writer.TryWrite(new Change(current.Territory, current.Site, current.Id, NoticeHub.NoticeChanged, current, current));
        metrics.Relayed(current.Territory);
    }

    public Task AudioReady(NoticeAudioReady ready)
    {
        Evict(ready.Territory);
        var message = new AudioReadyMessage(ready.Territory, ready.Site, ready.NoticeId, ready.Version, ready.AudioUrl);
        broadcasts.Writer.TryWrite(new Change(ready.Territory, ready.Site, ready.NoticeId, NoticeHub.AudioReady, message, null));
        return Task.CompletedTask;
    }

    public bool IsWatched(LiveList list) => lists.TryGetValue(list.Territory, out var watched) && watched.ContainsKey(list);

    /// <summary>From now on, each change of the list's territory is rendered for this list.</summary>
    public void Watch(LiveList list) => lists.GetOrAdd(list.Territory, _ => new()).TryAdd(list, true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var change in broadcasts.Reader.ReadAllAsync(stoppingToken))
        {
            var rendered = await Render(change);

            // The group send queues the message on every connection before its first await: the next change
            // is queued after it everywhere, without waiting for a slow browser to drain its socket.
            _ = Broadcast(change, NoticeHub.Group(change.Territory), change.Method, change.Message);
            foreach (var (list, message) in rendered)
            {
                _ = Broadcast(change, list.Group, NoticeHub.ListChanged, message);
            }
        }
    }

    private void Evict(string territory)
    {
        cache.Evict(territory);
        warmer.Changed(territory);
    }

    /// <summary>The change as each watched list of the territory shows it now.</summary>
    private async Task<List<(LiveList List, LiveListChange Message)>> Render(Change change)
    {
        var rendered = new List<(LiveList, LiveListChange)>();
        if (!lists.TryGetValue(change.Territory, out var watched) || watched.IsEmpty)
        {
            return rendered;
        }

        try
        {
            if (await reader.Territory(change.Territory) is not { } view)
            {
                return rendered;
            }

            // A site's list is told only of that site's notices.
            foreach (var list in watched.Keys.Where(list => list.Site is null || list.Site == change.Site))
            {
                var shown = list.Site is null ? view.Page(1).Notices : view.ForSite(list.Site).Notices;
                var ctx = new PageContext(Texts.For(list.Language), view.AsOf, $"/{list.Territory}", options) { LastConfirmedAt = reader.LastConfirmedAtIfDegraded }.WithSites(view.Sites);
                var html = await pages.Render<NoticeList>(page => page.Set(p => p.Ctx, ctx).Set(p => p.Notices, shown).Set(p => p.Compact, list.Compact).Set(p => p.Only, change.NoticeId));
                var announced = change.Announced;
                rendered.Add((list, new LiveListChange(change.NoticeId, announced?.Title, announced?.Status, LiveList.State(shown), html)));
            }
        }
        catch (Exception error)
        {
            // Pages whose list was not pushed see a notice they do not show in the next change's state, or
            // re-read the list at their next reconnection.
            logger.LogWarning(error, "Could not render the change of notice {Id} for the pages watching {Territory}", change.NoticeId, change.Territory);
        }

        return rendered;
    }

    private async Task Broadcast(Change change, string group, string method, object message)
    {
        try
        {
            await hub.Clients.Group(group).SendAsync(method, message);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Could not tell the browsers watching {Territory} about notice {Id}", change.Territory, change.NoticeId);
        }
    }

    private readonly record struct Relayed(int Version, NoticeStatus Status, DateTimeOffset ExpiresAt);

    /// <summary>One change to tell: the contract's message, and the notice to announce on the pages (none when only its audio came).</summary>
    private sealed record Change(string Territory, string Site, string NoticeId, string Method, object Message, NoticeSnapshot? Announced);
}
