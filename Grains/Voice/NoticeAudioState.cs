namespace AlloIndustrie.Grains.Voice;

[GenerateSerializer, Alias("AlloIndustrie.NoticeAudioState")]
public sealed class NoticeAudioState
{
    /// <summary>The latest version the notice announced; synthesis catches up with it.</summary>
    [Id(0)]
    public int WantedVersion { get; set; }

    /// <summary>The versions whose recording is stored, each in its own clip grain.</summary>
    [Id(1)]
    public List<int> ReadyVersions { get; set; } = [];

    [Id(2)]
    public int FailedAttempts { get; set; }

    [Id(3)]
    public string? LastError { get; set; }
}
