using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// A subscription's link tokens: its id (32 lower-case hex digits) followed by a 128-bit tag the silo computes
/// with a key kept in storage, so that a link proves itself without any stored secret, and a tag for confirming
/// is useless for managing. One canonical spelling only: any other case is refused before a grain is asked.
/// </summary>
public static partial class SubscriptionTokens
{
    /// <summary>Length of a token: the id and its tag.</summary>
    public const int Length = 64;

    /// <summary>Splits a token into the subscription id and the tag, if it has the canonical form.</summary>
    public static bool TryParse([NotNullWhen(true)] string? token, [NotNullWhen(true)] out string? id, [NotNullWhen(true)] out string? tag)
    {
        if (token is null || !TokenPattern().IsMatch(token))
        {
            id = tag = null;
            return false;
        }

        id = token[..32];
        tag = token[32..];
        return true;
    }

    [GeneratedRegex(@"^[0-9a-f]{64}\z")]
    private static partial Regex TokenPattern();
}
