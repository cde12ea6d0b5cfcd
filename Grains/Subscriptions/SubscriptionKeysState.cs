namespace AlloIndustrie.Grains.Subscriptions;

public sealed class SubscriptionKeysState
{
    /// <summary>The hash key in clear: made before the cluster had a key ring secret, or while an older silo ran.</summary>
    public byte[]? HashKey { get; set; }

    /// <summary>The hash key sealed with the <see cref="KeyRingSecret"/>; then <see cref="HashKey"/> is null.</summary>
    public byte[]? SealedHashKey { get; set; }

    public List<string> KeyRing { get; set; } = [];
}
