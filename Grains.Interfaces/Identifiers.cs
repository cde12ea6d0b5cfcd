using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace AlloIndustrie.Grains.Interfaces;

/// <summary>
/// The one canonical form of every id and slug that becomes (part of) a grain key. Each has a single
/// spelling (lower case only), so that two spellings of one id can never run as two grains; every entry
/// point refuses anything else before it reaches <c>GetGrain</c>.
/// </summary>
public static partial class Identifiers
{
    /// <summary>A territory's slug as the contract writes it (also an HTML <c>pattern</c>).</summary>
    public const string TerritorySlug = "[a-z0-9-]{2,40}";

    /// <summary>A site's slug (also an HTML <c>pattern</c>).</summary>
    public const string SiteSlug = "[a-z0-9-]{2,60}";

    /// <summary>A territory's slug, as the contract defines it.</summary>
    public static bool IsTerritory([NotNullWhen(true)] string? value) => value is not null && TerritoryPattern().IsMatch(value);

    /// <summary>A site's slug, unique within its territory.</summary>
    public static bool IsSite([NotNullWhen(true)] string? value) => value is not null && SitePattern().IsMatch(value);

    /// <summary>A notice's id, as <see cref="NewNoticeId"/> gives it.</summary>
    public static bool IsNoticeId([NotNullWhen(true)] string? value) => IsRandomId(value);

    /// <summary>The id part of an operator's API key, as <see cref="NewApiKeyId"/> gives it.</summary>
    public static bool IsApiKeyId([NotNullWhen(true)] string? value) => value is not null && ApiKeyIdPattern().IsMatch(value);

    /// <summary>Twilio's CallSid, <c>CA</c> and 32 lower-case hexadecimal digits, or the simulator's, <c>SIM</c> and as many.</summary>
    public static bool IsCallSid([NotNullWhen(true)] string? value) => value is not null && CallSidPattern().IsMatch(value);

    /// <summary>128 random bits in lower-case hexadecimal: notices, audio previews, report alerts.</summary>
    public static bool IsRandomId([NotNullWhen(true)] string? value) => value is not null && RandomIdPattern().IsMatch(value);

    /// <summary>A new notice id: time-ordered, globally unique.</summary>
    public static string NewNoticeId() => Guid.CreateVersion7().ToString("N");

    /// <summary>A new unguessable id of 128 random bits.</summary>
    public static string NewRandomId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A new API key id (64 random bits): the key's public half, which finds its grain.</summary>
    public static string NewApiKeyId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    [GeneratedRegex("^" + TerritorySlug + @"\z")]
    private static partial Regex TerritoryPattern();

    [GeneratedRegex("^" + SiteSlug + @"\z")]
    private static partial Regex SitePattern();

    [GeneratedRegex(@"^[0-9a-f]{32}\z")]
    private static partial Regex RandomIdPattern();

    [GeneratedRegex(@"^[0-9a-f]{16}\z")]
    private static partial Regex ApiKeyIdPattern();

    [GeneratedRegex(@"^(?:CA|SIM)[0-9a-f]{32}\z")]
    private static partial Regex CallSidPattern();
}
