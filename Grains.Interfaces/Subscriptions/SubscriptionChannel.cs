namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>How a subscriber is told. The contract's JSON names are <c>webpush</c>, <c>email</c>, <c>sms</c>, <c>voice</c>.</summary>
[GenerateSerializer, Alias("AlloIndustrie.SubscriptionChannel")]
public enum SubscriptionChannel
{
    WebPush = 0,
    Email = 1,
    Sms = 2,
    Voice = 3,
}
