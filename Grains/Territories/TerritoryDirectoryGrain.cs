using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Territories;

namespace AlloIndustrie.Grains.Territories;

public sealed class TerritoryDirectoryGrain(
    [PersistentState("directory", StorageNames.Grains)] IPersistentState<TerritoryDirectoryState> state)
    : Grain, ITerritoryDirectoryGrain
{
    public async Task Register(TerritoryProfile territory)
    {
        if (Taken(territory.Slug, territory.PhoneNumbers).FirstOrDefault() is { } taken)
        {
            throw new InvalidOperationException(taken.Refusal);
        }

        state.State.Territories[territory.Slug] = territory;
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<PhoneNumberOwner>> OthersHolding(string territory, ImmutableArray<string> numbers) =>
        Task.FromResult(Taken(territory, numbers));

    // Only numbers the territory does not already have: two territories that shared one before this rule
    // can still be edited, and the first keeps it.
    private ImmutableArray<PhoneNumberOwner> Taken(string territory, ImmutableArray<string> numbers)
    {
        var own = state.State.Territories.TryGetValue(territory, out var current)
            ? current.PhoneNumbers.Select(PhoneNumber.Normalize).ToHashSet()
            : [];
        return [.. numbers.IsDefault ? [] : numbers
            .Where(n => !own.Contains(PhoneNumber.Normalize(n)))
            .SelectMany(n => state.State.Territories.Values
                .Where(t => t.Slug != territory && t.PhoneNumbers.Any(o => PhoneNumber.Normalize(o) == PhoneNumber.Normalize(n)))
                .Take(1)
                .Select(t => new PhoneNumberOwner(n, t.Slug)))];
    }

    public Task<ImmutableArray<TerritoryProfile>> List() =>
        Task.FromResult(state.State.Territories.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToImmutableArray());

    public async Task<bool> ClaimFirstStart()
    {
        if (state.State.FirstStartClaimed || state.State.Territories.Count > 0)
        {
            return false;
        }

        state.State.FirstStartClaimed = true;
        await state.WriteStateAsync();
        return true;
    }

    public Task<string?> FindByPhoneNumber(string phoneNumber)
    {
        var wanted = PhoneNumber.Normalize(phoneNumber);
        var match = state.State.Territories.Values.FirstOrDefault(t => t.PhoneNumbers.Any(n => PhoneNumber.Normalize(n) == wanted));
        return Task.FromResult(match?.Slug);
    }
}
