namespace AlloIndustrie.Grains.Voice;

/// <summary>
/// Writes a counter grain's state at most once per <see cref="Period"/> and when it deactivates. Counting a
/// surge of calls with a storage write per call saturated storage (on SQLite, one writer for the whole silo)
/// and slowed every webhook with it; a silo crash now loses at most a few seconds of counts.
/// </summary>
public sealed class CounterWrites<TState>(IPersistentState<TState> state)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    private bool dirty;

    public void Start(Grain grain) => grain.RegisterGrainTimer(
        _ => Flush(),
        new GrainTimerCreationOptions { DueTime = Period, Period = Period, KeepAlive = false });

    public void Changed() => dirty = true;

    public async Task Flush()
    {
        if (!dirty)
        {
            return;
        }

        dirty = false;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not lost: written with the next change or tick.
            dirty = true;
            throw;
        }
    }
}
