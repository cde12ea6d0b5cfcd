namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>One synthesised recording: MP3 bytes, never modified once stored.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.NoticeAudioClip")]
public sealed record NoticeAudioClip(
    [property: Id(0)] byte[] Mp3,
    [property: Id(1)] string ETag,
    [property: Id(2)] TimeSpan Duration,
    [property: Id(3)] DateTimeOffset CreatedAt);
