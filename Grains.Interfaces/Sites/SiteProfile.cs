using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Sites;

/// <summary>An industrial site as residents and administrators see it.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.SiteProfile")]
public sealed record SiteProfile(
    [property: Id(0)] string Territory,
    [property: Id(1)] string Slug,
    [property: Id(2)] string Name,
    [property: Id(3)] string Company,
    [property: Id(4)] string Address,
    [property: Id(5)] double Latitude,
    [property: Id(6)] double Longitude,
    [property: Id(7)] ImmutableArray<string> Communes,
    [property: Id(8)] DateTimeOffset? MembershipEndsAt,
    [property: Id(9)] bool Suspended)
{
    /// <summary>A site may publish only while its membership runs and nobody suspended it.</summary>
    public bool IsSuspendedAt(DateTimeOffset now) => Suspended || MembershipEndsAt <= now;
}
