namespace AlloIndustrie.Grains.Interfaces.Health;

/// <summary>
/// Answers only after a real read from grain storage and, at most once a second, a write: health checks tell
/// whether storage answers and takes writes (a locked or read-only database refuses what the service must store).
/// </summary>
[Alias("AlloIndustrie.IStorageProbeGrain")]
public interface IStorageProbeGrain : IGrainWithStringKey
{
    /// <summary>Reads the probe's state from storage, and writes it back unless it did less than a second ago.</summary>
    [Alias("Probe")]
    Task Probe();
}
