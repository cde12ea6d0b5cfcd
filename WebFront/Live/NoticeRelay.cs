using System.Threading.Channels;
using AlloIndustrie.Grains.Interfaces.Live;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.WebFront.Public.Caching;
using Microsoft.AspNetCore.SignalR;

namespace AlloIndustrie.WebFront.Live;

/// <summary>
/// This web node's single observer of the territories: it drops the node's cached pages and feeds of the
/// territory first, so that browsers re-fetching on the signal get the new list, then tells the browsers.
/// </summary>
public sealed class NoticeRelay(IHubContext<NoticeHub> hub, PublicPageCache cache, PageWarmer warmer, TimeProvider clock, ILogger<NoticeRelay> logger)
    : BackgroundService, INoticeObserver
{
    // The territory grain, and through it the operator's request and every page read of the territory, waits
    // for NoticeChanged; writing one message to 10,000 WebSockets takes the better part of a second (measured
    // in bench/), so the browsers are told by one loop behind this queue, which also keeps changes in order.
    private readonly Channel<NoticeSnapshot> _broadcasts = Channel.CreateUnbounded<NoticeSnapshot>(new UnboundedChannelOptions { SingleReader = true });

    public Task NoticeChanged(NoticeSnapshot notice)
    {
        var current = notice.AsOf(clock.GetUtcNow());
        logger.LogDebug("Notice {Id} of {Territory} is now version {Version}, {Status}", current.Id, current.Territory, current.Version, current.Status);
        cache.Evict(current.Territory);
        warmer.Changed(current.Territory);
        _broadcasts.Writer.TryWrite(current);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var current in _broadcasts.Reader.ReadAllAsync(stoppingToken))
        {
            // The group send queues the message on every connection before its first await: the next change
            // is queued after it everywhere, without waiting for a slow browser to drain its socket.
            _ = Broadcast(current);
        }
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
