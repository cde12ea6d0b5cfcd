namespace AlloIndustrie.Grains.Health;

/// <summary>Empty on purpose: the probe only needs a row to read.</summary>
public sealed class StorageProbeState
{
}
