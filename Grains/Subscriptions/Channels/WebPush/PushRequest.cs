namespace AlloIndustrie.Grains.Subscriptions.Channels.WebPush;

/// <summary>
/// One push message to one browser (RFC 8030): its subscription's endpoint and keys (base64url, as checked by
/// <see cref="Interfaces.Subscriptions.Channels.WebPush.WebPushSubscriptionRules"/>), the payload to encrypt,
/// and the delivery headers.
/// </summary>
/// <param name="Ttl">How long the push service may keep it for an offline browser.</param>
/// <param name="Topic">Replaces a message of the same topic the push service still holds (32 base64url characters at most).</param>
/// <param name="HighUrgency">Wakes a device in power saving: for an event in progress only.</param>
public sealed record PushRequest(Uri Endpoint, string P256dh, string Auth, byte[] Payload, TimeSpan Ttl, string Topic, bool HighUrgency);
