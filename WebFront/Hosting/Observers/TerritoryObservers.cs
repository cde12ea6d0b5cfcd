using AlloIndustrie.Grains.Interfaces.Territories;

namespace AlloIndustrie.WebFront.Hosting.Observers;

/// <summary>
/// Keeps one observer of this node subscribed to a grain of every territory. The grains forget observers not
/// renewed within a few minutes (a dead node must not be called forever), territories appear in the directory at
/// any time, and a restarted silo forgets them all: so the subscriptions are renewed every
/// <see cref="RenewalPeriod"/> rather than made once, made within <see cref="RetryPeriod"/> for a territory new
/// to the directory and at once for one someone starts watching, and withdrawn when the node stops.
/// </summary>
public abstract class TerritoryObservers<TObserver>(IGrainFactory grains, TimeProvider clock, ILogger logger) : BackgroundService
    where TObserver : class, IGrainObserver
{
    public static readonly TimeSpan RenewalPeriod = TimeSpan.FromSeconds(30);

    /// <summary>How often the directory is read for new territories, and the wait after a failure (the cluster unreachable at start-up or for a while).</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(2);

    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> renewedAt = new(StringComparer.Ordinal);
    private TObserver? reference;

    /// <summary>What is observed, for the logs: "notices", "report alerts".</summary>
    protected abstract string Observed { get; }

    /// <summary>Subscribes this node to one territory now: a territory created since the last renewal, or whose grain came back on another silo, must not wait for the next round.</summary>
    public Task SubscribeTo(string territory) => Subscribe(grains, territory, Reference);

    /// <summary>This node's one observer, made on first use (one reference, so that renewals refresh the same subscription).</summary>
    private TObserver Reference
    {
        get
        {
            lock (gate)
            {
                return reference ??= CreateReference(grains);
            }
        }
    }

    protected abstract TObserver CreateReference(IGrainFactory factory);

    protected abstract Task Subscribe(IGrainFactory factory, string territory, TObserver observer);

    protected abstract Task Unsubscribe(IGrainFactory factory, string territory, TObserver observer);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // One read of the directory; only territories new to it, or due for renewal, cost a call each.
                var now = clock.GetUtcNow();
                var due = (await Territories()).Where(t => !renewedAt.TryGetValue(t, out var at) || now - at >= RenewalPeriod).ToList();
                await Task.WhenAll(due.Select(SubscribeTo));
                foreach (var territory in due)
                {
                    renewedAt[territory] = now;
                }

                if (due.Count > 0)
                {
                    logger.LogDebug("Observing the {Observed} of {Count} more territories", Observed, due.Count);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Could not subscribe to the territories' {Observed}; retrying in {Delay}", Observed, RetryPeriod);
            }

            try
            {
                await Task.Delay(RetryPeriod, clock, stoppingToken);
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
        if (reference is not { } observer)
        {
            return;
        }

        try
        {
            var territories = await Territories().WaitAsync(cancellationToken);
            await Task.WhenAll(territories.Select(territory => Unsubscribe(grains, territory, observer))).WaitAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Unsubscribing only spares the territories a few minutes of calls to a node that is gone.
            logger.LogInformation(error, "Could not unsubscribe from the territories' {Observed}", Observed);
        }
    }

    private async Task<IReadOnlyList<string>> Territories() =>
        [.. (await grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).List()).Select(territory => territory.Slug)];
}
