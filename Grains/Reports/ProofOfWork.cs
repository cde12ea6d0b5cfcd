using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace AlloIndustrie.Grains.Reports;

/// <summary>The cost of a report: SHA-256 of the challenge followed by the nonce, both as UTF-8 text.</summary>
public static class ProofOfWork
{
    public static int LeadingZeroBits(string challenge, string nonce)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(challenge + nonce), hash);
        var bits = 0;
        foreach (var b in hash)
        {
            if (b != 0)
            {
                return bits + BitOperations.LeadingZeroCount((uint)b) - 24;
            }

            bits += 8;
        }

        return bits;
    }
}
