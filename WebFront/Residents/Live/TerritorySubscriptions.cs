using AlloIndustrie.Grains.Interfaces.Live;
using AlloIndustrie.Grains.Interfaces.Territories;

namespace AlloIndustrie.WebFront.Residents.Live;

/// <summary>
/// Keeps this node's observer subscribed to every territory. Territory grains forget observers that are not
/// renewed within a few minutes (a dead node must not be called forever), and new territories appear in the
/// directory at any time, and a restarted silo forgets them all, so the subscription is renewed every half
/// minute rather than made once.
/// </summary>
public sealed class TerritorySubscriptions(IGrainFactory grains, NoticeRelay relay, TimeProvider clock, ILogger<TerritorySubscriptions> logger) : BackgroundService
{
    public static readonly TimeSpan RenewalPeriod = TimeSpan.FromSeconds(30);

    /// <summary>Shorter than the renewal, for when the cluster is not reachable (at start-up or for a while) or has no territory yet.</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(2);

    private readonly Lazy<INoticeObserver> reference = new(() => grains.CreateObjectReference<INoticeAudioObserver>(relay));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = RenewalPeriod;
            try
            {
                // A deployment being filled right now has no territory yet: look again soon.
                if (await SubscribeAll() == 0)
                {
                    wait = RetryPeriod;
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Could not subscribe to the territories' notices; retrying in {Delay}", RetryPeriod);
                wait = RetryPeriod;
            }

            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!reference.IsValueCreated)
        {
            return;
        }

        try
        {
            var territories = await grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).List().WaitAsync(cancellationToken);
            await Task.WhenAll(territories.Select(territory => grains.GetGrain<ITerritoryGrain>(territory.Slug).Unsubscribe(reference.Value))).WaitAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Unsubscribing only spares the territories a few minutes of calls to a node that is gone.
            logger.LogInformation(error, "Could not unsubscribe from the territories");
        }
    }

    /// <summary>
    /// Subscribes this node to one territory now, for a browser that starts watching it: a territory created
    /// since the last renewal, or one whose grain came back on another silo, must not wait for the next round.
    /// </summary>
    public Task SubscribeTo(string territory) => grains.GetGrain<ITerritoryGrain>(territory).Subscribe(reference.Value);

    private async Task<int> SubscribeAll()
    {
        var territories = await grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).List();
        await Task.WhenAll(territories.Select(territory => SubscribeTo(territory.Slug)));
        logger.LogDebug("Observing {Count} territories", territories.Length);
        return territories.Length;
    }
}
