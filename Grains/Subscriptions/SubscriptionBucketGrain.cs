using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Subscriptions;

public sealed class SubscriptionBucketGrain(
    [PersistentState("subscriptionBucket", StorageNames.Grains)] IPersistentState<SubscriptionBucketState> state,
    IOptions<SubscriptionOptions> options) : Grain, ISubscriptionBucketGrain
{
    public async Task<bool> Put(BucketEntry entry)
    {
        if (!state.State.Entries.ContainsKey(entry.Id) && state.State.Entries.Count >= Math.Max(1, options.Value.BucketSize))
        {
            return false;
        }

        state.State.Entries[entry.Id] = entry;
        await state.WriteStateAsync();
        return true;
    }

    public async Task Remove(string subscriptionId)
    {
        if (state.State.Entries.Remove(subscriptionId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<ImmutableArray<BucketEntry>> Entries() => Task.FromResult(state.State.Entries.Values.ToImmutableArray());

    public Task<ImmutableArray<ActiveCount>> Counts() => Task.FromResult<ImmutableArray<ActiveCount>>(
    [
        .. state.State.Entries.Values
            .SelectMany(e => e.Preferences.Communes.IsDefaultOrEmpty ? [(e.Channel, (string?)null)] : e.Preferences.Communes.Select(c => (e.Channel, (string?)c)))
            .GroupBy(k => k)
            .Select(g => new ActiveCount(g.Key.Channel, g.Key.Item2, g.Count())),
    ]);

    public Task<ImmutableArray<ActiveCount>> ChannelTotals() => Task.FromResult<ImmutableArray<ActiveCount>>(
        [.. state.State.Entries.Values.GroupBy(e => e.Channel).Select(g => new ActiveCount(g.Key, null, g.Count()))]);
}
