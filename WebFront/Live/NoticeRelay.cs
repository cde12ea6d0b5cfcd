using System.Threading.Channels;
using AlloIndustrie.Grains.Interfaces.Live;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.WebFront.Public.Caching;
using AlloIndustrie.WebFront.Telemetry;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.SignalR;

namespace AlloIndustrie.WebFront.Live;

/// <summary>
/// This web node's single observer of the territories: it drops the node's cached pages and feeds of the
/// territory first, so that browsers re-fetching on the signal get the new list, then tells the browsers.
/// </summary>
public sealed class NoticeRelay(IHubContext<NoticeHub> hub, IOutputCacheStore cache, TimeProvider clock, WebMetrics metrics, ILogger<NoticeRelay> logger)
    : BackgroundService, INoticeObserver
{
    // The territory grain, and through it the operator's request and every page read of the territory, waits
    // for NoticeChanged; writing one message to 10,000 WebSockets takes the better part of a second (measured
    // in bench/), so the browsers are told by one loop behind this queue, which also keeps changes in order.
    private readonly Channel<Func<Task>> _broadcasts = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });

    public async Task NoticeChanged(NoticeSnapshot notice)
    {
        var current = notice.AsOf(clock.GetUtcNow());
        logger.LogDebug("Notice {Id} of {Territory} is now version {Version}, {Status}", current.Id, current.Territory, current.Version, current.Status);
        await cache.EvictByTagAsync(PublicCacheTags.Territory(current.Territory), CancellationToken.None);
        _broadcasts.Writer.TryWrite(() => Broadcast(current.Territory, current.Id, NoticeHub.NoticeChanged, current));
        metrics.Relayed(current.Territory);
    }

    public async Task AudioReady(NoticeAudioReady ready)
    {
        await cache.EvictByTagAsync(PublicCacheTags.Territory(ready.Territory), CancellationToken.None);
        var message = new AudioReadyMessage(ready.Territory, ready.Site, ready.NoticeId, ready.Version, ready.AudioUrl);
        _broadcasts.Writer.TryWrite(() => Broadcast(ready.Territory, ready.NoticeId, NoticeHub.AudioReady, message));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var broadcast in _broadcasts.Reader.ReadAllAsync(stoppingToken))
        {
            // The group send queues the message on every connection before its first await: the next change
            // is queued after it everywhere, without waiting for a slow browser to drain its socket.
            _ = broadcast();
        }
    }

    private async Task Broadcast(string territory, string noticeId, string method, object message)
    {
        try
        {
            await hub.Clients.Group(NoticeHub.Group(territory)).SendAsync(method, message);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Could not tell the browsers watching {Territory} about notice {Id}", territory, noticeId);
        }
    }
}
