using AlloIndustrie.Grains.Interfaces.Live;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.WebFront.Public.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.SignalR;

namespace AlloIndustrie.WebFront.Live;

/// <summary>
/// This web node's single observer of the territories: it drops the node's cached pages and feeds of the
/// territory first, so that browsers re-fetching on the signal get the new list, then tells the browsers.
/// </summary>
public sealed class NoticeRelay(IHubContext<NoticeHub> hub, IOutputCacheStore cache, TimeProvider clock, ILogger<NoticeRelay> logger) : INoticeObserver
{
    public async Task NoticeChanged(NoticeSnapshot notice)
    {
        var current = notice.AsOf(clock.GetUtcNow());
        logger.LogDebug("Notice {Id} of {Territory} is now version {Version}, {Status}", current.Id, current.Territory, current.Version, current.Status);
        await cache.EvictByTagAsync(PublicCacheTags.Territory(current.Territory), CancellationToken.None);

        // The territory grain, and through it the operator's request, waits for this answer; writing to
        // thousands of WebSockets took seconds (measured in bench/), so the browsers are told after it.
        // The group send queues the message on every connection before its first await, so a later
        // change still reaches each browser after this one.
        _ = Broadcast(current);
    }

    private async Task Broadcast(NoticeSnapshot current)
    {
        try
        {
            await hub.Clients.Group(NoticeHub.Group(current.Territory)).SendAsync(NoticeHub.NoticeChanged, current);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Could not tell the browsers watching {Territory} about notice {Id}", current.Territory, current.Id);
        }
    }
}
