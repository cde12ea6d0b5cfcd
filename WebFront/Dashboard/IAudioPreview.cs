using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.WebFront.Dashboard;

/// <summary>
/// Hook for the phone line's speech synthesis: the URL of a draft's audio, to listen to before publishing.
/// The voice work plugs its synthesiser in here; until then <see cref="NoAudioPreview"/> answers null and
/// the form says so.
/// </summary>
public interface IAudioPreview
{
    Task<string?> PreviewUrl(string territory, NoticeDraft draft, CancellationToken cancellationToken);
}
