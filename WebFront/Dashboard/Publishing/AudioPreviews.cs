using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Voice;

namespace AlloIndustrie.WebFront.Dashboard.Publishing;

/// <summary>
/// The publish form's audio preview: a fresh <see cref="IAudioPreviewGrain"/> on the silo synthesises the draft,
/// and <see cref="AudioPreviewEndpoint"/> serves it to the site's operators. The form waits for it, but no
/// longer than <see cref="DashboardOptions.AudioPreviewTimeout"/>: publishing must not hang on the synthesiser.
/// </summary>
public sealed class AudioPreviews(IGrainFactory grains, DashboardOptions options, ILogger<AudioPreviews> logger)
{
    /// <summary>The URL of the draft's recording, or null if it could not be made in time.</summary>
    public async Task<string?> Url(NoticeSnapshot draft, CancellationToken cancellationToken)
    {
        var id = Identifiers.NewRandomId();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.AudioPreviewTimeout);
        try
        {
            var ready = await grains.GetGrain<IAudioPreviewGrain>(AudioPreviewKey.Of(draft.Territory, draft.Site, id)).Synthesize(draft, timeout.Token);
            return ready ? AudioPreviewEndpoint.Url(draft.Territory, draft.Site, id) : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The audio preview for {Territory}/{Site} took longer than {Timeout}", draft.Territory, draft.Site, options.AudioPreviewTimeout);
            return null;
        }
    }
}
