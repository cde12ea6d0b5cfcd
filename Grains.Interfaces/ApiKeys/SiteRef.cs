namespace AlloIndustrie.Grains.Interfaces.ApiKeys;

/// <summary>The site an API key acts for.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.SiteRef")]
public sealed record SiteRef(
    [property: Id(0)] string Territory,
    [property: Id(1)] string Site);
