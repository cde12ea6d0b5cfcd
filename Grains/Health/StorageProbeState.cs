namespace AlloIndustrie.Grains.Health;

/// <summary>The probe's row: when it was last written, so that a probe checks writes too.</summary>
public sealed class StorageProbeState
{
    public DateTimeOffset WrittenAt { get; set; }
}
