using AlloIndustrie.Grains.Interfaces.Voice;

namespace AlloIndustrie.Grains.Voice;

public sealed class PhoneLineStatsGrain(
    [PersistentState("phoneLineStats", StorageNames.Grains)] IPersistentState<PhoneLineStatsState> state)
    : Grain, IPhoneLineStatsGrain
{
    private readonly CounterWrites<PhoneLineStatsState> writes = new(state);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        writes.Start(this);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => writes.Flush();

    public Task CallAnswered()
    {
        state.State.Calls++;
        writes.Changed();
        return Task.CompletedTask;
    }

    public Task CallEnded(TimeSpan duration)
    {
        state.State.EndedCalls++;
        state.State.TotalSeconds += (long)Math.Max(0, duration.TotalSeconds);
        writes.Changed();
        return Task.CompletedTask;
    }

    public Task<PhoneLineStats> Get() => Task.FromResult(new PhoneLineStats(
        state.State.Calls, state.State.EndedCalls, TimeSpan.FromSeconds(state.State.TotalSeconds)));
}
