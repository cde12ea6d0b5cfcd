using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Territories;

namespace AlloIndustrie.Grains.Territories;

public sealed class TerritoryDirectoryGrain(
    [PersistentState("directory", StorageNames.Grains)] IPersistentState<TerritoryDirectoryState> state)
    : Grain, ITerritoryDirectoryGrain
{
    public async Task Register(TerritoryProfile territory)
    {
        state.State.Territories[territory.Slug] = territory;
        await state.WriteStateAsync();
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
