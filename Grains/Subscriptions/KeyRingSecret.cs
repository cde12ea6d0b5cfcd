using System.Security.Cryptography;
using System.Text;

namespace AlloIndustrie.Grains.Subscriptions;

/// <summary>
/// The operator's secret that encrypts the subscriptions' Data Protection key ring at rest (AES-256-GCM, with a key
/// derived from it by HKDF): whoever reads the database alone cannot decrypt contacts. Every silo of a cluster has
/// the same one; a ring sealed with another secret is refused, never silently replaced.
/// </summary>
public sealed class KeyRingSecret
{
    /// <summary>The file holding the secret (base64 of at least <see cref="MinimumBytes"/> random bytes).</summary>
    public const string FileKey = "Allo:Subscriptions:KeyRingSecretFile";

    /// <summary>The secret itself, for deployments that inject secrets as environment variables.</summary>
    public const string ValueKey = "Allo:Subscriptions:KeyRingSecret";

    public const int MinimumBytes = 32;

    private const int NonceLength = 12;
    private const int TagLength = 16;

    private readonly byte[] key;

    public KeyRingSecret(byte[] secret)
    {
        if (secret.Length < MinimumBytes)
        {
            throw new ArgumentException($"A key ring secret has at least {MinimumBytes} bytes.", nameof(secret));
        }

        key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.ASCII.GetBytes("AlloIndustrie key ring v1"));
        Id = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes("key ring secret id"))[..8]);
    }

    /// <summary>Names the secret (not a part of it) in what it seals, so that another secret is told apart from damage.</summary>
    public string Id { get; }

    /// <summary>The secret from its base64 text; null when it is not base64 of at least <see cref="MinimumBytes"/> bytes.</summary>
    public static KeyRingSecret? Parse(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), bytes, out var length) && length >= MinimumBytes
            ? new KeyRingSecret(bytes[..length])
            : null;
    }

    /// <summary>A new secret's text, as the demo writes it at first start.</summary>
    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumBytes));

    public byte[] Seal(byte[] plaintext)
    {
        var sealedBytes = new byte[NonceLength + plaintext.Length + TagLength];
        var nonce = sealedBytes.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagLength);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceLength, plaintext.Length), sealedBytes.AsSpan(NonceLength + plaintext.Length), Encoding.ASCII.GetBytes(Id));
        return sealedBytes;
    }

    /// <summary>What <see cref="Seal"/> sealed; null when it was damaged or sealed with another secret.</summary>
    public byte[]? Open(byte[] sealedBytes)
    {
        if (sealedBytes.Length < NonceLength + TagLength)
        {
            return null;
        }

        var plaintext = new byte[sealedBytes.Length - NonceLength - TagLength];
        try
        {
            using var aes = new AesGcm(key, TagLength);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceLength), sealedBytes.AsSpan(NonceLength, plaintext.Length), sealedBytes.AsSpan(NonceLength + plaintext.Length), plaintext, Encoding.ASCII.GetBytes(Id));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
