using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.Grains.Subscriptions;

public sealed class SubscriptionBucketState
{
    public Dictionary<string, BucketEntry> Entries { get; set; } = [];
}
