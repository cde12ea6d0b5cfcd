using AlloIndustrie.Grains;

namespace AlloIndustrie.Tests.Storage;

/// <summary>A second grain class whose state lives in the same storage under another state name.</summary>
public sealed class OtherProbeGrain([PersistentState(OtherProbeGrain.StateName, StorageNames.Grains)] IPersistentState<ProbeState> state)
    : Grain, IOtherProbeGrain
{
    public const string StateName = "otherProbe";

    public Task<ProbeState> GetAsync() => Task.FromResult(state.State);

    public async Task SetAsync(ProbeState value)
    {
        state.State = value;
        await state.WriteStateAsync();
    }
}
