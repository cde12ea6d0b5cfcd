using System.Security.Cryptography;
using System.Text;

namespace AlloIndustrie.WebFront.Voice;

/// <summary>
/// Twilio's request signature (X-Twilio-Signature): the full URL Twilio requested, then every POST
/// parameter sorted by name, name and value appended without separators, HMAC-SHA1 keyed with the auth
/// token, in base64. Twilio may have signed the URL with or without the scheme's default port, so both
/// spellings are accepted; the URL is otherwise taken exactly as given (host case included).
/// </summary>
public static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static string Compute(string url, IEnumerable<KeyValuePair<string, string>> parameters, string authToken)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    public static bool IsValid(string url, IReadOnlyCollection<KeyValuePair<string, string>> parameters, string authToken, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken))
        {
            return false;
        }

        var given = Encoding.ASCII.GetBytes(signature);
        var valid = false;

        // Every spelling is checked, whatever matched first, so that timing says nothing about which did.
        foreach (var candidate in UrlSpellings(url))
        {
            valid |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(candidate, parameters, authToken)), given);
        }

        return valid;
    }

    /// <summary>The URL as given, and with its scheme's default port added or removed.</summary>
    public static IEnumerable<string> UrlSpellings(string url)
    {
        yield return url;

        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            yield break;
        }

        var defaultPort = url[..schemeEnd].ToLowerInvariant() switch
        {
            "https" => "443",
            "http" => "80",
            _ => null,
        };
        if (defaultPort is null)
        {
            yield break;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        var hostStart = authority.LastIndexOf('@') + 1;
        var portSeparator = authority.LastIndexOf(':');
        var hasPort = portSeparator >= hostStart && portSeparator > authority.LastIndexOf(']');

        if (!hasPort)
        {
            yield return $"{url[..authorityEnd]}:{defaultPort}{url[authorityEnd..]}";
        }
        else if (authority[(portSeparator + 1)..] == defaultPort)
        {
            yield return url[..(authorityStart + portSeparator)] + url[authorityEnd..];
        }
    }
}
