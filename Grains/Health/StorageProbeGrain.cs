using AlloIndustrie.Grains.Interfaces.Health;
using Orleans.Concurrency;

namespace AlloIndustrie.Grains.Health;

[StatelessWorker]
public sealed class StorageProbeGrain(
    [PersistentState("probe", StorageNames.Grains)] IPersistentState<StorageProbeState> state) : Grain, IStorageProbeGrain
{
    public Task Probe() => state.ReadStateAsync();
}
