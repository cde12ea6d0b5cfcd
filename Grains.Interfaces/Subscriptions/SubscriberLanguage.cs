namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>The language a subscriber's messages are written in (<c>fr</c>, <c>en</c>).</summary>
[GenerateSerializer, Alias("AlloIndustrie.SubscriberLanguage")]
public enum SubscriberLanguage
{
    French = 0,
    English = 1,
}
