using AlloIndustrie.Grains.Interfaces.Notices;
using Orleans.Concurrency;

namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>
/// The synthesised audio of one notice, keyed by the notice id. It synthesises each new version off the
/// request path, keeps the MP3 of every version durably until the notice leaves the public channels,
/// retries failures with back-off, and tells the notice its <c>audioUrl</c> once ready.
/// </summary>
[Alias("AlloIndustrie.INoticeAudioGrain")]
public interface INoticeAudioGrain : IGrainWithStringKey
{
    /// <summary>
    /// Called by the notice after every persisted change. One-way: the caller never waits for synthesis.
    /// Stale or repeated versions are ignored; a notice that left the public channels loses its audio.
    /// </summary>
    [OneWay]
    [Alias("NoticeChanged")]
    Task NoticeChanged(NoticeSnapshot notice);

    /// <summary>Where synthesis stands, for operators and tests.</summary>
    [Alias("GetStatus")]
    Task<NoticeAudioStatus> GetStatus();
}
