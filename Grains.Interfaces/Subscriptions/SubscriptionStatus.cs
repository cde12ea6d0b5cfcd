namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// Where a subscription stands. A pending one waits for its confirmation (e-mail link, SMS or voice code) and is
/// deleted after 24 hours; an unsubscribed one no longer exists at all.
/// </summary>
[GenerateSerializer, Alias("AlloIndustrie.SubscriptionStatus")]
public enum SubscriptionStatus
{
    Pending = 0,
    Active = 1,
}
