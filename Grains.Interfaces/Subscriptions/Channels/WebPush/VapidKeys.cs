namespace AlloIndustrie.Grains.Interfaces.Subscriptions.Channels.WebPush;

/// <summary>
/// A VAPID key pair: <see cref="PublicKey"/> is the uncompressed P-256 point (65 bytes) in base64url, what
/// browsers take as <c>applicationServerKey</c>; <see cref="PrivateKey"/> its 32-byte scalar in base64url, which
/// only the silos' senders use.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.VapidKeys")]
public sealed record VapidKeys(
    [property: Id(0)] string PublicKey,
    [property: Id(1)] string PrivateKey);
