using AlloIndustrie.Grains;

namespace AlloIndustrie.Tests.Storage;

public sealed class ProbeGrain([PersistentState(ProbeGrain.StateName, StorageNames.Grains)] IPersistentState<ProbeState> state)
    : Grain, IProbeGrain, IRemindable
{
    public const string StateName = "probe";

    private int ticks;

    public Task<ProbeState> GetAsync() => Task.FromResult(state.State);

    public async Task SetAsync(ProbeState value)
    {
        state.State = value;
        await state.WriteStateAsync();
    }

    public Task ClearAsync() => state.ClearStateAsync();

    public Task RegisterReminderAsync(string name, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(name, dueTime, period);

    public async Task<bool> HasReminderAsync(string name) => await this.GetReminder(name) is not null;

    public async Task UnregisterReminderAsync(string name)
    {
        var reminder = await this.GetReminder(name) ?? throw new InvalidOperationException($"No reminder named {name}.");
        await this.UnregisterReminder(reminder);
    }

    public Task<int> GetTickCountAsync() => Task.FromResult(ticks);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks++;
        return Task.CompletedTask;
    }
}
