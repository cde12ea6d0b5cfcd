using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>
/// Keys of <see cref="IAudioPreviewGrain"/>: <c>{territory}/{site}/{id}</c>, the id 128 random bits in hex, so
/// that a preview's address cannot be guessed and says whose draft it is, for the perimeter check. The prefix
/// also keeps the key from being a bare hexadecimal string, which Orleans would read as a number.
/// </summary>
public static partial class AudioPreviewKey
{
    /// <summary>A new, unguessable preview id.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether <paramref name="id"/> has the form <see cref="NewId"/> gives, before it reaches a grain key.</summary>
    public static bool IsId(string id) => IdPattern().IsMatch(id);

    public static string Of(string territory, string site, string id) => $"{territory}/{site}/{id}";

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}
