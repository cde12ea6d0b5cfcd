using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Territories;

/// <summary>A territory: its public page, its phone numbers and its default retention.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.TerritoryProfile")]
public sealed record TerritoryProfile(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] ImmutableArray<string> PhoneNumbers,
    [property: Id(3)] string Greeting,
    [property: Id(4)] TimeSpan DefaultRetention);
