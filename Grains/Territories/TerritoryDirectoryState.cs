using AlloIndustrie.Grains.Interfaces.Territories;

namespace AlloIndustrie.Grains.Territories;

/// <summary>The directory's durable state: every territory by slug.</summary>
public sealed class TerritoryDirectoryState
{
    public Dictionary<string, TerritoryProfile> Territories { get; set; } = [];

    public bool FirstStartClaimed { get; set; }
}
