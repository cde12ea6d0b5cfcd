using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>Where the synthesis of a notice stands.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.NoticeAudioStatus")]
public sealed record NoticeAudioStatus(
    [property: Id(0)] int WantedVersion,
    [property: Id(1)] ImmutableArray<int> ReadyVersions,
    [property: Id(2)] int FailedAttempts,
    [property: Id(3)] string? LastError);
