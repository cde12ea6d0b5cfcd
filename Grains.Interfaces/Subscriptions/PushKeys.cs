namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// A browser's Web Push keys, as <c>PushSubscription.toJSON().keys</c> gives them (base64url): the user agent's
/// P-256 public key (65 bytes, uncompressed) and its 16-byte authentication secret (RFC 8291).
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.PushKeys")]
public sealed record PushKeys(
    [property: Id(0)] string P256dh,
    [property: Id(1)] string Auth);
