using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Territories;

namespace AlloIndustrie.WebFront.Residents.Reading;

/// <summary>
/// Whether a territory exists now, asked of its grain: what residents send (a report, a subscription, a live
/// connection) is taken only for a territory that does, never on the strength of a last-known copy.
/// </summary>
public static class KnownTerritory
{
    public static async Task<bool> Exists(IGrainFactory grains, string territory) =>
        Identifiers.IsTerritory(territory) && await grains.GetGrain<ITerritoryGrain>(territory).GetProfile() is not null;
}
