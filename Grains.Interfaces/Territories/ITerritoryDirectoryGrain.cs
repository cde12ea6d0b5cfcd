using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Territories;

/// <summary>
/// The deployment's list of territories (a single grain, key <see cref="Key"/>), and the phone numbers that
/// lead to each.
/// </summary>
[Alias("AlloIndustrie.ITerritoryDirectoryGrain")]
public interface ITerritoryDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>Adds or refreshes a territory's entry.</summary>
    [Alias("Register")]
    Task Register(TerritoryProfile territory);

    /// <summary>Every territory, by slug.</summary>
    [Alias("List")]
    Task<ImmutableArray<TerritoryProfile>> List();

    /// <summary>
    /// True exactly once in a deployment's life, for the first caller while no territory exists: lets one of
    /// several silos starting together fill a new deployment.
    /// </summary>
    [Alias("ClaimFirstStart")]
    Task<bool> ClaimFirstStart();

    /// <summary>The slug of the territory a phone number belongs to, or null.</summary>
    [Alias("FindByPhoneNumber")]
    Task<string?> FindByPhoneNumber(string phoneNumber);
}
