namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>
/// One synthesised recording, never modified once stored: MP3 for the web and, for the phone line, the same
/// speech as 8 kHz µ-law WAV (absent from recordings made before the phone had its own).
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.NoticeAudioClip")]
public sealed record NoticeAudioClip(
    [property: Id(0)] byte[] Mp3,
    [property: Id(1)] string ETag,
    [property: Id(2)] TimeSpan Duration,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] byte[]? TelephoneWav = null,
    [property: Id(5)] string? TelephoneETag = null);
