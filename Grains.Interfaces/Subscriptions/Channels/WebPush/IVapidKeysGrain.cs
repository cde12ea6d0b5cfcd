namespace AlloIndustrie.Grains.Interfaces.Subscriptions.Channels.WebPush;

/// <summary>
/// The deployment's VAPID key pair (RFC 8292), a single grain (key <see cref="Key"/>): made at its first call and
/// kept in storage, so that every web front hands browsers the same application server key and every silo signs
/// with its private half, whichever node a subscription went through.
/// </summary>
[Alias("AlloIndustrie.IVapidKeysGrain")]
public interface IVapidKeysGrain : IGrainWithStringKey
{
    public const string Key = "vapid";

    /// <summary>The public key (base64url, uncompressed P-256 point), what web fronts give browsers.</summary>
    [Alias("GetPublicKey")]
    Task<string> GetPublicKey();

    /// <summary>The P-256 key pair, for the silos' senders only; made and stored at the first call.</summary>
    [Alias("GetKeys")]
    Task<VapidKeys> GetKeys();
}
