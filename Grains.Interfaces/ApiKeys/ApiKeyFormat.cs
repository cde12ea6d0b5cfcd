namespace AlloIndustrie.Grains.Interfaces.ApiKeys;

/// <summary>
/// Keys read <c>allo_{keyId}_{secret}</c>: the id finds the key's grain without a scan, the secret is only
/// ever compared by hash. A key whose id is not in its canonical form (<see cref="Identifiers.IsApiKeyId"/>) is
/// no key at all.
/// </summary>
public static class ApiKeyFormat
{
    private const string Prefix = "allo_";

    public static string Compose(string keyId, string secret) => $"{Prefix}{keyId}_{secret}";

    public static bool TryParse(string? key, out string keyId, out string secret)
    {
        keyId = secret = "";
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = key[Prefix.Length..];
        var separator = rest.IndexOf('_');
        if (separator <= 0 || separator == rest.Length - 1)
        {
            return false;
        }

        if (!Identifiers.IsApiKeyId(rest[..separator]))
        {
            return false;
        }

        keyId = rest[..separator];
        secret = rest[(separator + 1)..];
        return true;
    }
}
