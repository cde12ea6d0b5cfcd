namespace AlloIndustrie.Grains.Interfaces.Sites;

/// <summary>A new API key: <see cref="Key"/> is shown once and never stored in clear.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.CreatedApiKey")]
public sealed record CreatedApiKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Key);
