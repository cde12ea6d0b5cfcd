namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// Where a subscriber is reached: the one piece of personal data a subscription holds. It is stored only
/// encrypted, serves only to send, and is deleted at unsubscription.
/// </summary>
/// <param name="Channel">The channel the address belongs to.</param>
/// <param name="Address">
/// E-mail: the address as typed, trimmed. SMS and voice: the number in E.164 (<c>+33612345678</c>). Web Push: the
/// push service's endpoint URL.
/// </param>
/// <param name="Push">Web Push only: the browser's keys.</param>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.SubscriberContact")]
public sealed record SubscriberContact(
    [property: Id(0)] SubscriptionChannel Channel,
    [property: Id(1)] string Address,
    [property: Id(2)] PushKeys? Push = null)
{
    /// <summary>An e-mail address.</summary>
    public static SubscriberContact Email(string address) => new(SubscriptionChannel.Email, address);

    /// <summary>A browser's push subscription: <c>{ endpoint, keys: { p256dh, auth } }</c>.</summary>
    public static SubscriberContact WebPush(string endpoint, string p256dh, string auth) =>
        new(SubscriptionChannel.WebPush, endpoint, new PushKeys(p256dh, auth));

    /// <summary>A telephone number in E.164, for SMS or voice calls.</summary>
    public static SubscriberContact Phone(SubscriptionChannel channel, string e164) => new(channel, e164);

    /// <summary>
    /// The form two sign-ups of one address share, from which its keyed hash is computed: e-mail addresses in lower
    /// case (providers do not tell case apart), numbers and endpoints as they are.
    /// </summary>
    public string LookupForm => Channel == SubscriptionChannel.Email ? Address.Trim().ToLowerInvariant() : Address;
}
