using System.Collections.Immutable;
using System.Security.Cryptography;

namespace AlloIndustrie.Grains.Interfaces.Subscriptions.Channels.WebPush;

/// <summary>
/// What a browser's <c>PushSubscription.toJSON()</c> must be for the service to accept it: an endpoint at one of
/// the <see cref="PushOrigins"/>, a P-256 public key (<c>keys.p256dh</c>, 65 bytes uncompressed, on the curve) and
/// a 16-byte authentication secret (<c>keys.auth</c>), both in base64url as browsers give them.
/// </summary>
public static class WebPushSubscriptionRules
{
    public const string EndpointField = "push.endpoint";
    public const string P256dhField = "push.keys.p256dh";
    public const string AuthField = "push.keys.auth";

    /// <summary>Longer than any push service's endpoint (FCM's are about 200 characters).</summary>
    public const int MaxEndpointLength = 1024;

    public const int PublicKeyLength = 65;
    public const int AuthSecretLength = 16;

    /// <summary>The errors by field, in French; empty when the subscription is acceptable.</summary>
    public static ImmutableDictionary<string, string> Check(string? endpoint, string? p256dh, string? auth, PushOrigins origins)
    {
        var errors = ImmutableDictionary.CreateBuilder<string, string>();
        if (string.IsNullOrEmpty(endpoint))
        {
            errors[EndpointField] = "L’adresse d’abonnement du navigateur (endpoint) est obligatoire.";
        }
        else if (endpoint.Length > MaxEndpointLength || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http") || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            errors[EndpointField] = "L’adresse d’abonnement du navigateur (endpoint) n’est pas une adresse https valide.";
        }
        else if (!origins.Allows(uri))
        {
            errors[EndpointField] = uri.Scheme == "http"
                ? "L’adresse d’abonnement du navigateur (endpoint) doit être en https."
                : "L’adresse d’abonnement du navigateur (endpoint) n’appartient à aucun service de notification accepté.";
        }

        if (DecodeKey(p256dh, PublicKeyLength) is not { } key || !IsCurvePoint(key))
        {
            errors[P256dhField] = $"La clé publique du navigateur (keys.p256dh) doit être un point P-256 non compressé de {PublicKeyLength} octets, en base64url.";
        }

        if (DecodeKey(auth, AuthSecretLength) is null)
        {
            errors[AuthField] = $"Le secret d’authentification du navigateur (keys.auth) doit faire {AuthSecretLength} octets, en base64url.";
        }

        return errors.ToImmutable();
    }

    /// <summary>The bytes of a base64url value of exactly <paramref name="length"/> bytes, or null.</summary>
    public static byte[]? DecodeKey(string? value, int length)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 2 * length || !System.Buffers.Text.Base64Url.IsValid(value.TrimEnd('=')))
        {
            return null;
        }

        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(value.TrimEnd('='));
        return bytes.Length == length ? bytes : null;
    }

    private static bool IsCurvePoint(byte[] key)
    {
        if (key[0] != 0x04)
        {
            return false;
        }

        try
        {
            using var ecdh = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = key[1..33], Y = key[33..65] },
            });
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
