namespace AlloIndustrie.Grains.Interfaces.Territories;

/// <summary>
/// The centre of one of a territory's communes, given by its administrators: residents' positions are turned
/// into the nearest commune, and the public heat map draws each commune's reports there.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.CommuneCentre")]
public sealed record CommuneCentre(
    [property: Id(0)] string Commune,
    [property: Id(1)] double Latitude,
    [property: Id(2)] double Longitude);
