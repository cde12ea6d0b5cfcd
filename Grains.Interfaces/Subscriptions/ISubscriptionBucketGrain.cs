using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// One bounded part of a territory's index, keyed by <c>{territory}/{number}</c>: at most
/// <c>Allo:Subscriptions:BucketSize</c> active subscriptions. Deliveries read it partition by partition.
/// </summary>
[Alias("AlloIndustrie.ISubscriptionBucketGrain")]
public interface ISubscriptionBucketGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces an entry; false when the bucket is full and the entry is not in it yet.</summary>
    [Alias("Put")]
    Task<bool> Put(BucketEntry entry);

    /// <summary>Removes an entry, if present.</summary>
    [Alias("Remove")]
    Task Remove(string subscriptionId);

    /// <summary>Every entry.</summary>
    [Alias("Entries")]
    Task<ImmutableArray<BucketEntry>> Entries();

    /// <summary>Entries per channel and commune.</summary>
    [Alias("Counts")]
    Task<ImmutableArray<ActiveCount>> Counts();

    /// <summary>Entries per channel, each once whatever its communes (<see cref="ActiveCount.Commune"/> null).</summary>
    [Alias("ChannelTotals")]
    Task<ImmutableArray<ActiveCount>> ChannelTotals();
}
