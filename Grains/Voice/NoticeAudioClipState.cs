namespace AlloIndustrie.Grains.Voice;

[GenerateSerializer, Alias("AlloIndustrie.NoticeAudioClipState")]
public sealed class NoticeAudioClipState
{
    [Id(0)]
    public byte[]? Mp3 { get; set; }

    [Id(1)]
    public string? ETag { get; set; }

    [Id(2)]
    public long DurationMilliseconds { get; set; }

    [Id(3)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(4)]
    public byte[]? TelephoneWav { get; set; }

    [Id(5)]
    public string? TelephoneETag { get; set; }
}
