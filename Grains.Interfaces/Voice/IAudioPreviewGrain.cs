using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>
/// One audio preview of a draft, keyed by <see cref="AudioPreviewKey"/> (a fresh key per preview), so that an
/// operator hears a notice before publishing it exactly as the phone line will read it: same script, same
/// territory lexicon, same synthesiser as <see cref="INoticeAudioGrain"/>. The recording stays in the
/// activation's memory and nowhere else, for a few minutes: a draft is never stored.
/// </summary>
[Alias("AlloIndustrie.IAudioPreviewGrain")]
public interface IAudioPreviewGrain : IGrainWithStringKey
{
    /// <summary>
    /// Synthesises <paramref name="draft"/> (a notice not published, as the public page would show it) and
    /// keeps the recording. Only the first call synthesises; later ones answer as it did. False when
    /// synthesis failed: the preview is then gone, and publishing does not depend on it.
    /// </summary>
    [Alias("Synthesize")]
    Task<bool> Synthesize(NoticeSnapshot draft, CancellationToken cancellationToken);

    /// <summary>The MP3, or null if there is none (synthesis failed, or the preview has been forgotten).</summary>
    [Alias("GetMp3")]
    Task<byte[]?> GetMp3();
}
