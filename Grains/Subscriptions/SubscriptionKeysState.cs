namespace AlloIndustrie.Grains.Subscriptions;

public sealed class SubscriptionKeysState
{
    public byte[]? HashKey { get; set; }

    public List<string> KeyRing { get; set; } = [];
}
