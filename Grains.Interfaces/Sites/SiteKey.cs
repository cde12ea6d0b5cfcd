namespace AlloIndustrie.Grains.Interfaces.Sites;

/// <summary>A site's grain key joins its territory and its own slug, which is unique only within the territory.</summary>
public static class SiteKey
{
    public static string Of(string territory, string site) => $"{territory}/{site}";

    public static (string Territory, string Site) Parse(string key)
    {
        var slash = key.IndexOf('/');
        return (key[..slash], key[(slash + 1)..]);
    }
}
