using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using AlloIndustrie.Grains.Interfaces.Subscriptions.Channels.WebPush;

namespace AlloIndustrie.Grains.Subscriptions.Channels.WebPush;

/// <summary>
/// The <c>Authorization: vapid t=…, k=…</c> header of RFC 8292: an ES256 JWT whose <c>aud</c> is the push
/// service's origin, <c>exp</c> at most 24 hours ahead (12 here) and <c>sub</c> the deployment's contact. One
/// token per push service is signed and reused until it is within an hour of expiring, so a delivery to 100,000
/// browsers signs a handful of tokens, not 100,000.
/// </summary>
public sealed class VapidAuthorization(VapidKeys keys, string subject, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);
    private static readonly TimeSpan Renewal = TimeSpan.FromHours(1);
    private static readonly string Header = Base64Url.EncodeToString("""{"typ":"JWT","alg":"ES256"}"""u8);

    private readonly ECDsa signer = ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        D = Base64Url.DecodeFromChars(keys.PrivateKey),
        Q = PublicPoint(keys.PublicKey),
    });

    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset ExpiresAt)> tokens = new(StringComparer.Ordinal);

    public VapidKeys Keys => keys;

    /// <summary>The header value for a request to <paramref name="endpoint"/>.</summary>
    public string For(Uri endpoint)
    {
        var audience = endpoint.GetLeftPart(UriPartial.Authority);
        var now = clock.GetUtcNow();
        if (!tokens.TryGetValue(audience, out var token) || token.ExpiresAt - now < Renewal)
        {
            var expiresAt = now + Lifetime;
            token = (Sign(audience, expiresAt), expiresAt);
            tokens[audience] = token;
        }

        return $"vapid t={token.Value}, k={keys.PublicKey}";
    }

    public void Dispose() => signer.Dispose();

    private string Sign(string audience, DateTimeOffset expiresAt)
    {
        var claims = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["aud"] = audience,
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["sub"] = subject,
        }));
        var signingInput = $"{Header}.{claims}";

        // ES256's signature is r || s, 64 bytes (RFC 7518 section 3.4), which is .NET's default encoding.
        var signature = signer.SignData(System.Text.Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    private static ECPoint PublicPoint(string publicKey)
    {
        var point = Base64Url.DecodeFromChars(publicKey);
        return new ECPoint { X = point[1..33], Y = point[33..65] };
    }
}
