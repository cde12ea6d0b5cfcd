using AlloIndustrie.Grains.Interfaces.Voice;

namespace AlloIndustrie.Grains.Voice;

public sealed class PhoneLineStatsGrain(
    [PersistentState("phoneLineStats", StorageNames.Grains)] IPersistentState<PhoneLineStatsState> state)
    : Grain, IPhoneLineStatsGrain
{
    public async Task CallAnswered()
    {
        state.State.Calls++;
        await state.WriteStateAsync();
    }

    public async Task CallEnded(TimeSpan duration)
    {
        state.State.EndedCalls++;
        state.State.TotalSeconds += (long)Math.Max(0, duration.TotalSeconds);
        await state.WriteStateAsync();
    }

    public Task<PhoneLineStats> Get() => Task.FromResult(new PhoneLineStats(
        state.State.Calls, state.State.EndedCalls, TimeSpan.FromSeconds(state.State.TotalSeconds)));
}
