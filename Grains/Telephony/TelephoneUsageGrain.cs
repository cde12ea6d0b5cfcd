using AlloIndustrie.Grains.Interfaces.Telephony;

namespace AlloIndustrie.Grains.Telephony;

/// <summary>Counts a territory's SMS segments and call minutes of one month.</summary>
public sealed class TelephoneUsageGrain(
    [PersistentState("telephoneUsage", StorageNames.Grains)] IPersistentState<TelephoneUsageState> state) : Grain, ITelephoneUsageGrain
{
    public Task AddSms(int segments) =>
        Write(state.State.Usage with { Messages = state.State.Usage.Messages + 1, Segments = state.State.Usage.Segments + Math.Max(1, segments) });

    public Task AddCall(TimeSpan duration) =>
        Write(state.State.Usage with { Calls = state.State.Usage.Calls + 1, Minutes = state.State.Usage.Minutes + TelephoneUsage.BilledMinutes(duration) });

    public Task<TelephoneUsage> Get() => Task.FromResult(state.State.Usage);

    private Task Write(TelephoneUsage usage)
    {
        state.State.Usage = usage;
        return state.WriteStateAsync();
    }
}
