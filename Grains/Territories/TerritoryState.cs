using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;

namespace AlloIndustrie.Grains.Territories;

/// <summary>A territory's durable state: its settings, its sites and the latest version of each recent notice.</summary>
public sealed class TerritoryState
{
    public TerritoryProfile? Profile { get; set; }
    public Dictionary<string, SiteProfile> Sites { get; set; } = [];

    /// <summary>
    /// Every notice until a day after its expiry, whatever its status, so that a late, older version of a
    /// notice already gone can be recognised and ignored.
    /// </summary>
    public Dictionary<string, NoticeSnapshot> Notices { get; set; } = [];
}
