using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using AlloIndustrie.Grains.Subscriptions.Channels.WebPush;

namespace AlloIndustrie.Tests.Subscriptions.WebPush;

/// <summary>
/// What a browser holds for one push subscription: its P-256 key pair and 16-byte authentication secret, and the
/// endpoint its push service gave it. It decrypts what the push service hands over, as the browser would.
/// </summary>
public sealed class BrowserPushSubscription : IDisposable
{
    private readonly ECDiffieHellman key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    public BrowserPushSubscription(Uri endpoint)
    {
        Endpoint = endpoint;
        var q = key.ExportParameters(false).Q;
        PublicKey = [0x04, .. q.X!, .. q.Y!];
        AuthSecret = RandomNumberGenerator.GetBytes(16);
    }

    public Uri Endpoint { get; }

    public byte[] PublicKey { get; }

    public byte[] AuthSecret { get; }

    public string P256dh => Base64Url.EncodeToString(PublicKey);

    public string Auth => Base64Url.EncodeToString(AuthSecret);

    /// <summary>Reverses RFC 8291's encryption: reads the header, agrees on the secret with the sender's key, opens the record.</summary>
    public byte[] Decrypt(byte[] body)
    {
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16));
        var keyLength = body[20];
        if (keyLength != 65 || recordSize < 18 || body.Length - 21 - keyLength > recordSize)
        {
            throw new CryptographicException($"Unexpected header: key of {keyLength} bytes, record size {recordSize}.");
        }

        var senderPublicKey = body[21..(21 + keyLength)];
        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = senderPublicKey[1..33], Y = senderPublicKey[33..65] },
        });
        var shared = key.DeriveRawSecretAgreement(sender.PublicKey);
        var (contentKey, nonce) = PushEncryption.DeriveKeyAndNonce(shared, AuthSecret, PublicKey, senderPublicKey, salt);

        var record = body.AsSpan(21 + keyLength);
        var plain = new byte[record.Length - 16];
        using var aes = new AesGcm(contentKey, 16);
        aes.Decrypt(nonce, record[..^16], record[^16..], plain);

        // The last record ends with the delimiter 2, after which only padding zeros may follow.
        var end = Array.LastIndexOf(plain, (byte)2);
        if (end < 0 || plain.AsSpan(end + 1).ContainsAnyExcept((byte)0))
        {
            throw new CryptographicException("The record has no final delimiter.");
        }

        return plain[..end];
    }

    public void Dispose() => key.Dispose();
}
