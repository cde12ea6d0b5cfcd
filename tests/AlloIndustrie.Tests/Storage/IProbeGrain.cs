namespace AlloIndustrie.Tests.Storage;

public interface IProbeGrain : IGrainWithStringKey
{
    Task<ProbeState> GetAsync();

    Task SetAsync(ProbeState state);

    Task ClearAsync();

    Task RegisterReminderAsync(string name, TimeSpan dueTime, TimeSpan period);

    Task<bool> HasReminderAsync(string name);

    Task UnregisterReminderAsync(string name);

    Task<int> GetTickCountAsync();
}
