using System.Globalization;

namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>The public address of a notice's audio, and the key of the grain that stores it.</summary>
public static class NoticeAudioUrl
{
    /// <summary>The site-relative URL served by the web front for one version.</summary>
    public static string For(string noticeId, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"/audio/{Uri.EscapeDataString(noticeId)}/{version}.mp3");

    /// <summary>The same recording as the phone network carries it best (8 kHz µ-law WAV), for <c>&lt;Play&gt;</c>.</summary>
    public static string Telephone(string noticeId, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"/audio/{Uri.EscapeDataString(noticeId)}/{version}.wav");

    /// <summary>The key of the <see cref="INoticeAudioClipGrain"/> of one version.</summary>
    public static string ClipKey(string noticeId, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{noticeId}/{version}");

    /// <summary>Whether the notice's recorded audio is the one of its current version.</summary>
    public static bool IsCurrent(string noticeId, int version, string? audioUrl) =>
        audioUrl is not null && audioUrl == For(noticeId, version);
}
