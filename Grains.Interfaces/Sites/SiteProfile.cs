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
    /// <summary>
    /// A site may publish, and add to its notices, only while its membership runs and nobody suspended it. It
    /// may still end or withdraw them: a suspension must not leave residents with a fire that is over, or a
    /// false alarm, on the page and the phone line until the notice expires.
    /// </summary>
    public bool IsSuspendedAt(DateTimeOffset now) => Suspended || MembershipEndsAt <= now;

    /// <summary>What an administrator set on the site.</summary>
    public SiteSettings Settings() => new(Name, Company, Address, Latitude, Longitude, Communes, MembershipEndsAt, Suspended);

    public const string SuspendedPublish = "Ce site est suspendu (adhésion échue ou suspendue) : il ne peut pas publier.";

    public const string SuspendedUpdate =
        "Ce site est suspendu (adhésion échue ou suspendue) : il ne peut plus ajouter de point de situation, "
        + "seulement annoncer la fin de l’événement ou retirer la notice.";
}
