using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Territories;

/// <summary>A territory: its public page, its phone numbers and its default retention.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.TerritoryProfile")]
public sealed record TerritoryProfile(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] ImmutableArray<string> PhoneNumbers,
    [property: Id(3)] string Greeting,
    [property: Id(4)] TimeSpan DefaultRetention)
{
    /// <summary>
    /// The centres of the communes its sites are perceived from, by commune; a commune without one is still
    /// listed, but cannot be found from a position nor drawn on the map. Empty in profiles stored before it
    /// existed, which is why it is not a constructor parameter.
    /// </summary>
    [Id(5)]
    public ImmutableArray<CommuneCentre> CommuneCentres { get; init; } = [];

    /// <summary>The legal pages' texts of this territory (publisher, host, contacts, accessibility status).</summary>
    [Id(6)]
    public TerritoryLegal Legal { get; init; } = TerritoryLegal.Empty;

    /// <summary>
    /// Whether calling its numbers is free, as the territory says; unset, the numbering plan decides (0800 to 0805
    /// are free in France).
    /// </summary>
    [Id(7)]
    public bool? FreeToCall { get; init; }
}
