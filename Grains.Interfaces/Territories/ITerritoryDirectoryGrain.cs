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

    /// <summary>
    /// Adds or refreshes a territory's entry. A phone number belongs to one territory: a number another
    /// territory already has is refused with an <see cref="InvalidOperationException"/>, and nothing changes.
    /// </summary>
    [Alias("Register")]
    Task Register(TerritoryProfile territory);

    /// <summary>Which of <paramref name="numbers"/> other territories than <paramref name="territory"/> already have, with their owner.</summary>
    [Alias("OthersHolding")]
    Task<ImmutableArray<PhoneNumberOwner>> OthersHolding(string territory, ImmutableArray<string> numbers);

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
