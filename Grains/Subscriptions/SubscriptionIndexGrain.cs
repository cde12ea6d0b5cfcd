using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.Grains.Subscriptions;

public sealed class SubscriptionIndexGrain(
    [PersistentState("subscriptionIndex", StorageNames.Grains)] IPersistentState<SubscriptionIndexState> state) : Grain, ISubscriptionIndexGrain
{
    public Task<int> OpenBucket() => Task.FromResult(state.State.OpenBucket);

    public async Task<int> BucketFull(int bucket)
    {
        if (bucket == state.State.OpenBucket)
        {
            state.State.OpenBucket++;
            await state.WriteStateAsync();
        }

        return state.State.OpenBucket;
    }

    public Task<int> BucketCount() => Task.FromResult(state.State.OpenBucket + 1);

    public async Task<ImmutableArray<ActiveCount>> ChannelTotals()
    {
        var territory = this.GetPrimaryKeyString();
        var perBucket = await Task.WhenAll(Enumerable.Range(0, state.State.OpenBucket + 1)
            .Select(b => GrainFactory.GetGrain<ISubscriptionBucketGrain>(SubscriptionGrain.BucketKey(territory, b)).ChannelTotals()));
        return [.. perBucket.SelectMany(c => c).GroupBy(c => c.Channel).Select(g => new ActiveCount(g.Key, null, g.Sum(c => c.Count))).OrderBy(c => c.Channel)];
    }

    public async Task<ImmutableArray<ActiveCount>> Counts()
    {
        var territory = this.GetPrimaryKeyString();
        var perBucket = await Task.WhenAll(Enumerable.Range(0, state.State.OpenBucket + 1)
            .Select(b => GrainFactory.GetGrain<ISubscriptionBucketGrain>(SubscriptionGrain.BucketKey(territory, b)).Counts()));
        return
        [
            .. perBucket.SelectMany(c => c)
                .GroupBy(c => (c.Channel, c.Commune))
                .Select(g => new ActiveCount(g.Key.Channel, g.Key.Commune, g.Sum(c => c.Count)))
                .OrderBy(c => c.Channel).ThenBy(c => c.Commune, StringComparer.Ordinal),
        ];
    }
}
