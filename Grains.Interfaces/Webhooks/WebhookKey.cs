using System.Diagnostics.CodeAnalysis;

namespace AlloIndustrie.Grains.Interfaces.Webhooks;

/// <summary>A webhook grain's key: <c>{territory}/{id}</c>, both canonical, so that two spellings never make two grains.</summary>
public static class WebhookKey
{
    public static string Of(string territory, string id) =>
        Identifiers.IsTerritory(territory) && Identifiers.IsRandomId(id)
            ? $"{territory}/{id}"
            : throw new ArgumentException($"Not a canonical webhook key: {territory}/{id}");

    public static bool TryParse(string key, [NotNullWhen(true)] out string? territory, [NotNullWhen(true)] out string? id)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        territory = slash > 0 ? key[..slash] : null;
        id = slash > 0 ? key[(slash + 1)..] : null;
        return Identifiers.IsTerritory(territory) && Identifiers.IsRandomId(id);
    }
}
