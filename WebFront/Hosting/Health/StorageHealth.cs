using AlloIndustrie.Grains.Interfaces.Health;

namespace AlloIndustrie.WebFront.Hosting.Health;

/// <summary>
/// Probes grain storage every few seconds, so that pages can say honestly when what they show was last
/// confirmed: while the database is out of reach, grains still answer from memory, but nothing they say is
/// confirmed any more.
/// </summary>
public sealed class StorageHealth(IGrainFactory grains, TimeProvider clock, ILogger<StorageHealth> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    private volatile Confirmation current = new(true, clock.GetUtcNow());

    /// <summary>When storage last answered, if it does not answer now; null while all is well.</summary>
    public DateTimeOffset? LastConfirmedAtIfDegraded => current.Healthy ? null : current.LastConfirmedAt;

    /// <summary>Reads storage once through the cluster; throws if it does not answer in time.</summary>
    public Task Probe(CancellationToken cancellation) =>
        grains.GetGrain<IStorageProbeGrain>("healthz").Probe().WaitAsync(ProbeTimeout, cancellation);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await Probe(stoppingToken);
                if (!current.Healthy)
                {
                    logger.LogInformation("Storage answers again");
                }

                current = new(true, clock.GetUtcNow());
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                if (current.Healthy)
                {
                    logger.LogWarning(e, "Storage does not answer; pages now say when they were last confirmed");
                }

                current = current with { Healthy = false };
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private sealed record Confirmation(bool Healthy, DateTimeOffset LastConfirmedAt);
}
