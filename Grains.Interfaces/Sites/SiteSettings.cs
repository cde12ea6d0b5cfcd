using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Sites;

/// <summary>What a territory administrator sets on a site.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.SiteSettings")]
public sealed record SiteSettings(
    [property: Id(0)] string Name,
    [property: Id(1)] string Company,
    [property: Id(2)] string Address,
    [property: Id(3)] double Latitude,
    [property: Id(4)] double Longitude,
    [property: Id(5)] ImmutableArray<string> Communes,
    [property: Id(6)] DateTimeOffset? MembershipEndsAt,
    [property: Id(7)] bool Suspended);
