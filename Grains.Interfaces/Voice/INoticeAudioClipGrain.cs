namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>
/// The MP3 of one version of a notice, keyed by <see cref="NoticeAudioUrl.ClipKey"/>. A grain per version
/// keeps each recording in its own storage row, so that a new version never rewrites the older ones.
/// </summary>
[Alias("AlloIndustrie.INoticeAudioClipGrain")]
public interface INoticeAudioClipGrain : IGrainWithStringKey
{
    /// <summary>Stores the recording; only the notice's audio grain calls this.</summary>
    [Alias("Store")]
    Task Store(NoticeAudioClip clip);

    /// <summary>The recording, or null if none is stored.</summary>
    [Alias("Get")]
    Task<NoticeAudioClip?> Get();

    /// <summary>Deletes the recording from storage.</summary>
    [Alias("Delete")]
    Task Delete();
}
