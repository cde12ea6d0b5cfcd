using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// A territory's index of active subscriptions, keyed by the territory's slug. It holds no subscriber, only the
/// number of the bucket that takes new entries: buckets (<see cref="ISubscriptionBucketGrain"/>) hold a bounded
/// number each, so that a sign-up writes one small bucket, never a list of the whole territory.
/// </summary>
[Alias("AlloIndustrie.ISubscriptionIndexGrain")]
public interface ISubscriptionIndexGrain : IGrainWithStringKey
{
    /// <summary>The bucket new entries go to.</summary>
    [Alias("OpenBucket")]
    Task<int> OpenBucket();

    /// <summary>Says <paramref name="bucket"/> is full; returns the bucket to use instead.</summary>
    [Alias("BucketFull")]
    Task<int> BucketFull(int bucket);

    /// <summary>How many buckets exist (0 to this, exclusive): what a delivery fans out over.</summary>
    [Alias("BucketCount")]
    Task<int> BucketCount();

    /// <summary>Active subscriptions per channel and commune, summed over the buckets: counts only, never a subscriber.</summary>
    [Alias("Counts")]
    Task<ImmutableArray<ActiveCount>> Counts();

    /// <summary>Active subscriptions per channel, each once whatever its communes, summed over the buckets.</summary>
    [Alias("ChannelTotals")]
    Task<ImmutableArray<ActiveCount>> ChannelTotals();
}
