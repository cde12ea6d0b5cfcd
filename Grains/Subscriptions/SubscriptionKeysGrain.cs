using System.Collections.Immutable;
using System.Security.Cryptography;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace AlloIndustrie.Grains.Subscriptions;

public sealed class SubscriptionKeysGrain(
    [PersistentState("subscriptionKeys", StorageNames.Grains)] IPersistentState<SubscriptionKeysState> state,
    IServiceProvider services) : Grain, ISubscriptionKeysGrain
{
    private const int HashKeyBytes = 32;

    // Optional: a silo on SQLite may run without a secret (and then keeps the key in clear, as it says at start).
    private readonly KeyRingSecret? secret = services.GetService<KeyRingSecret>();

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

    // Whoever holds the hash key can forge every manage and unsubscribe link and test addresses against their
    // hashes: at rest it is sealed like the key ring, once every silo can open it (see KeyRingSealing).
    public async Task<byte[]> HashKey()
    {
        if (state.State.SealedHashKey is { } sealedKey)
        {
            return (secret ?? throw new InvalidOperationException($"The subscriptions' hash key is sealed and {KeyRingSecret.FileKey} is not set."))
                .Open(sealedKey) ?? throw new InvalidOperationException("The subscriptions' hash key is sealed with another secret.");
        }

        var stored = state.State.HashKey;
        var key = stored ?? RandomNumberGenerator.GetBytes(HashKeyBytes);
        if (secret is not null && services.GetRequiredService<KeyRingSealing>().EverySiloCanOpen())
        {
            state.State.SealedHashKey = secret.Seal(key);
            state.State.HashKey = null;
            await state.WriteStateAsync();
        }
        else if (stored is null)
        {
            state.State.HashKey = key;
            await state.WriteStateAsync();
        }

        return key;
    }
}
