namespace AlloIndustrie.WebFront.Public.Caching;

/// <summary>Output-cache tags: everything a territory's notices appear in is evicted together when one of them changes.</summary>
public static class PublicCacheTags
{
    public const string PolicyName = "AlloPublic";

    public static string Territory(string slug) => $"territory:{slug}";
}
