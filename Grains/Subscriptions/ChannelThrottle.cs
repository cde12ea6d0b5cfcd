using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Subscriptions;

/// <summary>
/// One silo's pace per channel: at most <see cref="ChannelLimits.MaxConcurrency"/> messages at once and
/// <see cref="ChannelLimits.PerSecond"/> a second, whichever partitions send them; and a pause when a provider asked
/// to slow down, which every partition of the silo then respects. A partition takes a message's share of the rate
/// before putting it in its window (<see cref="TryTake"/>), so that a slow channel never holds a faster one's messages.
/// </summary>
public sealed class ChannelThrottle(IOptions<SubscriptionOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<SubscriptionChannel, Gate> gates = new();
    private readonly ConcurrentDictionary<SubscriptionChannel, DateTimeOffset> pauses = new();

    /// <summary>One message's share of the channel's rate, now; false when this second's share is spent.</summary>
    public bool TryTake(SubscriptionChannel channel)
    {
        using var lease = GateOf(channel).Rate.AttemptAcquire(1);
        return lease.IsAcquired;
    }

    /// <summary>Waits for one of the channel's concurrent slots; dispose the result to give it back.</summary>
    public async Task<IDisposable> Enter(SubscriptionChannel channel, CancellationToken cancellationToken)
    {
        var gate = GateOf(channel);
        await gate.Concurrency.WaitAsync(cancellationToken);
        return new Slot(gate.Concurrency);
    }

    /// <summary>Holds the channel back until <paramref name="until"/> (by the grains' clock).</summary>
    public void Pause(SubscriptionChannel channel, DateTimeOffset until) =>
        pauses.AddOrUpdate(channel, until, (_, held) => held > until ? held : until);

    /// <summary>Until when the channel is held back, if it is at <paramref name="now"/>.</summary>
    public DateTimeOffset? PausedUntil(SubscriptionChannel channel, DateTimeOffset now) =>
        pauses.TryGetValue(channel, out var until) && until > now ? until : null;

    public void Dispose()
    {
        foreach (var gate in gates.Values)
        {
            gate.Rate.Dispose();
            gate.Concurrency.Dispose();
        }
    }

    private Gate GateOf(SubscriptionChannel channel) => gates.GetOrAdd(channel, c => new Gate(options.Value.LimitsOf(c)));

    private sealed class Gate(ChannelLimits limits)
    {
        public SemaphoreSlim Concurrency { get; } = new(Math.Max(1, limits.MaxConcurrency));

        public TokenBucketRateLimiter Rate { get; } = new(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, limits.PerSecond),
            TokensPerPeriod = Math.Max(1, limits.PerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    private sealed class Slot(SemaphoreSlim concurrency) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                concurrency.Release();
            }
        }
    }
}
