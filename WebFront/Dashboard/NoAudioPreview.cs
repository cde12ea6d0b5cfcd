using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.WebFront.Dashboard;

/// <summary>No speech synthesis wired into this web front.</summary>
public sealed class NoAudioPreview : IAudioPreview
{
    public Task<string?> PreviewUrl(string territory, NoticeDraft draft, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
