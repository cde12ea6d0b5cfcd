using System.Security.Cryptography;
using System.Text;

namespace AlloIndustrie.Grains.Interfaces.Accounts;

/// <summary>
/// An account's grain is keyed by a digest of its normalised e-mail, not by the address itself: Orleans names
/// grains in its logs (a slow call, an activation at the most verbose level), and logs must hold no address. The
/// silo (which creates the first administrator) and the web front (Identity's lookup normaliser) must normalise
/// alike, hence one shared rule.
/// </summary>
public static class AccountKeys
{
    private const string Prefix = "account-";

    public static string Normalize(string email) => email.Trim().Normalize().ToUpperInvariant();

    /// <summary>The grain key (and Identity's user id) of the account with this normalised e-mail.</summary>
    public static string Of(string normalizedEmail) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)), 0, 16);

    /// <summary>
    /// Whether <paramref name="key"/> is the normalised e-mail itself, as accounts were keyed before: such a grain
    /// hands its state to <see cref="Of"/>'s and then answers for it, for nodes of that release during an upgrade.
    /// </summary>
    public static bool IsByAddress(string key) => key.Contains('@', StringComparison.Ordinal);
}
