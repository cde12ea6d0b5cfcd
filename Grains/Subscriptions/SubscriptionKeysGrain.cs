using System.Collections.Immutable;
using System.Security.Cryptography;
using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.Grains.Subscriptions;

public sealed class SubscriptionKeysGrain(
    [PersistentState("subscriptionKeys", StorageNames.Grains)] IPersistentState<SubscriptionKeysState> state) : Grain, ISubscriptionKeysGrain
{
    public Task<ImmutableArray<string>> KeyRing() => Task.FromResult(state.State.KeyRing.ToImmutableArray());

    public async Task StoreKeyRingElement(string xml)
    {
        if (state.State.KeyRing.Contains(xml))
        {
            return;
        }

        state.State.KeyRing.Add(xml);
        await state.WriteStateAsync();
    }

    public async Task ReplaceKeyRingElement(string xml, string replacement)
    {
        var index = state.State.KeyRing.IndexOf(xml);
        if (index < 0)
        {
            return;
        }

        state.State.KeyRing[index] = replacement;
        await state.WriteStateAsync();
    }

    public async Task<byte[]> HashKey()
    {
        if (state.State.HashKey is null)
        {
            state.State.HashKey = RandomNumberGenerator.GetBytes(32);
            await state.WriteStateAsync();
        }

        return state.State.HashKey;
    }
}
