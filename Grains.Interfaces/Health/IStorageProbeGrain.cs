namespace AlloIndustrie.Grains.Interfaces.Health;

/// <summary>Answers only after a real read from grain storage, so that health checks tell whether storage answers.</summary>
[Alias("AlloIndustrie.IStorageProbeGrain")]
public interface IStorageProbeGrain : IGrainWithStringKey
{
    /// <summary>Reads the probe's state from storage.</summary>
    [Alias("Probe")]
    Task Probe();
}
