using System.Security.Cryptography;
using System.Text;

namespace AlloIndustrie.Grains.Webhooks;

/// <summary>
/// Standard Webhooks v1 signing: the secret is <c>whsec_</c> and base64 of its key; the signature is the base64
/// HMAC-SHA256, keyed with that key, of <c>{webhook-id}.{webhook-timestamp}.{body}</c>, written <c>v1,{signature}</c>,
/// several separated by spaces while two secrets are valid. Checked against the specification's test vector.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    /// <summary>A new secret of 256 random bits.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static byte[] Key(string secret) => Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);

    /// <summary>The <c>webhook-signature</c> header: one <c>v1,…</c> per secret, in the order given.</summary>
    public static string Sign(string id, long timestamp, string body, IEnumerable<string> secrets)
    {
        var content = Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}");
        return string.Join(' ', secrets.Select(secret => "v1," + Convert.ToBase64String(HMACSHA256.HashData(Key(secret), content))));
    }
}
