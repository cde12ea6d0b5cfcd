namespace AlloIndustrie.Grains.Subscriptions;

public sealed class SubscriptionIndexState
{
    /// <summary>The bucket new entries go to; buckets 0 to this one exist.</summary>
    public int OpenBucket { get; set; }
}
