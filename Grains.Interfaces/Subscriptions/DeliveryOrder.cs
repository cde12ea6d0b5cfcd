using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>One notice version to send to the matching entries of one bucket.</summary>
/// <param name="Notice">The notice at the version to send.</param>
/// <param name="Kind">Why it is sent.</param>
/// <param name="Communes">The communes its site is perceived from, for the subscriptions that chose communes.</param>
/// <param name="Bucket">The bucket's number in the territory's index.</param>
/// <param name="TerritoryName">The territory's name, for the messages.</param>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.DeliveryOrder")]
public sealed record DeliveryOrder(
    [property: Id(0)] NoticeSnapshot Notice,
    [property: Id(1)] NoticeMessageKind Kind,
    [property: Id(2)] ImmutableArray<string> Communes,
    [property: Id(3)] int Bucket,
    [property: Id(4)] string TerritoryName);
