namespace AlloIndustrie.Grains.Interfaces.Sites;

/// <summary>An API key as its site lists it: never the secret.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.ApiKeyInfo")]
public sealed record ApiKeyInfo(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Label,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset? RevokedAt);
