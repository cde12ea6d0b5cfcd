using AlloIndustrie.Grains.Interfaces.Health;
using Microsoft.Extensions.DependencyInjection;

namespace AlloIndustrie.Grains.Health;

/// <summary>
/// One activation per key, not a stateless worker: it writes, and several activations of one key would
/// overwrite each other's row and fail on its ETag.
/// </summary>
public sealed class StorageProbeGrain(
    [PersistentState("probe", StorageNames.Grains)] IPersistentState<StorageProbeState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IStorageProbeGrain
{
    /// <summary>However often nodes and their balancers ask, storage gets at most one probe write per second.</summary>
    private static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(1);

    public async Task Probe()
    {
        await state.ReadStateAsync();
        var now = clock.GetUtcNow();
        if (now - state.State.WrittenAt >= WriteInterval)
        {
            state.State.WrittenAt = now;
            await state.WriteStateAsync();
        }
    }
}
