using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AlloIndustrie.Grains.Subscriptions.Channels.WebPush;

/// <summary>
/// Message encryption for Web Push (RFC 8291): the <c>aes128gcm</c> content coding of RFC 8188 in one record, keyed
/// by an ECDH agreement between a fresh key pair of ours and the browser's <c>p256dh</c> key, mixed with its
/// <c>auth</c> secret. Checked against the RFC's worked example (Appendix A).
/// </summary>
public static class PushEncryption
{
    /// <summary>The record size written in the header; a push message is one record, well under it.</summary>
    public const int RecordSize = 4096;

    private const int TagLength = 16;
    private const int SaltLength = 16;
    private const int KeyLength = 65;

    /// <summary>The largest payload that fits the record with its delimiter and tag.</summary>
    public const int MaxPlaintextLength = RecordSize - TagLength - 1;

    private static readonly byte[] KeyInfoPrefix = Encoding.ASCII.GetBytes("WebPush: info\0");
    private static readonly byte[] CekInfo = Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm\0");
    private static readonly byte[] NonceInfo = Encoding.ASCII.GetBytes("Content-Encoding: nonce\0");

    /// <summary>Encrypts with a new key pair and a random salt, as every message must.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, byte[] userAgentPublicKey, byte[] authSecret)
    {
        using var sender = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        return Encrypt(plaintext, userAgentPublicKey, authSecret, sender, RandomNumberGenerator.GetBytes(SaltLength));
    }

    /// <summary>Encrypts with the given sender key pair and salt: the worked example's way, for its check.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, byte[] userAgentPublicKey, byte[] authSecret, ECDiffieHellman sender, byte[] salt)
    {
        if (plaintext.Length > MaxPlaintextLength)
        {
            throw new ArgumentException($"A push message holds at most {MaxPlaintextLength} bytes.", nameof(plaintext));
        }

        var senderParameters = sender.ExportParameters(false);
        byte[] senderPublicKey = [0x04, .. senderParameters.Q.X!, .. senderParameters.Q.Y!];
        using var userAgent = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = userAgentPublicKey[1..33], Y = userAgentPublicKey[33..65] },
        });
        var sharedSecret = sender.DeriveRawSecretAgreement(userAgent.PublicKey);

        var (key, nonce) = DeriveKeyAndNonce(sharedSecret, authSecret, userAgentPublicKey, senderPublicKey, salt);

        // One record, the last one: the content, then its delimiter 0x02, no padding.
        var header = SaltLength + 4 + 1 + KeyLength;
        var message = new byte[header + plaintext.Length + 1 + TagLength];
        salt.CopyTo(message, 0);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(SaltLength), RecordSize);
        message[SaltLength + 4] = KeyLength;
        senderPublicKey.CopyTo(message, SaltLength + 5);

        var record = new byte[plaintext.Length + 1];
        plaintext.CopyTo(record);
        record[^1] = 0x02;
        using var aes = new AesGcm(key, TagLength);
        aes.Encrypt(nonce, record, message.AsSpan(header, record.Length), message.AsSpan(header + record.Length, TagLength));
        return message;
    }

    /// <summary>The content encryption key and nonce both sides derive (RFC 8291 section 3.4, RFC 8188 section 2.2).</summary>
    public static (byte[] Key, byte[] Nonce) DeriveKeyAndNonce(
        byte[] sharedSecret, byte[] authSecret, byte[] userAgentPublicKey, byte[] senderPublicKey, byte[] salt)
    {
        var keyInfo = new byte[KeyInfoPrefix.Length + 2 * KeyLength];
        KeyInfoPrefix.CopyTo(keyInfo, 0);
        userAgentPublicKey.CopyTo(keyInfo, KeyInfoPrefix.Length);
        senderPublicKey.CopyTo(keyInfo, KeyInfoPrefix.Length + KeyLength);
        var inputKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, sharedSecret, 32, authSecret, keyInfo);

        var pseudoRandomKey = HKDF.Extract(HashAlgorithmName.SHA256, inputKey, salt);
        return (HKDF.Expand(HashAlgorithmName.SHA256, pseudoRandomKey, 16, CekInfo),
                HKDF.Expand(HashAlgorithmName.SHA256, pseudoRandomKey, 12, NonceInfo));
    }
}
