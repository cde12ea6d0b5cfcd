using System.Globalization;
using AlloIndustrie.Grains.Interfaces.Reports;
using AlloIndustrie.Grains.Reports;

namespace AlloIndustrie.Tests.Reports;

/// <summary>Solves challenges as the browser's script does: the first decimal counter that has enough zero bits.</summary>
public static class Proofs
{
    public static string Solve(string challenge, int bits)
    {
        for (long i = 0; ; i++)
        {
            var nonce = i.ToString(CultureInfo.InvariantCulture);
            if (ProofOfWork.LeadingZeroBits(challenge, nonce) >= bits)
            {
                return nonce;
            }
        }
    }

    public static ReportProof For(ReportChallenge challenge) => new(challenge.Token, Solve(challenge.Token, challenge.Bits));
}
