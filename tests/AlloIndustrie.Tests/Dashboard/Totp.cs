using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>An authenticator app, as RFC 6238 describes it: HMAC-SHA1 over 30-second steps, six digits.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset now)
    {
        var step = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(step, now.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(Base32(base32Key), step);
        var offset = hash[^1] & 0x0f;
        var value = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff;
        return (value % 1_000_000).ToString("D6");
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var buffer = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
            }
        }

        return [.. bytes];
    }
}
