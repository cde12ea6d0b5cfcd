using System.Threading.RateLimiting;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Voice;

namespace AlloIndustrie.WebFront.Dashboard.Publishing;

/// <summary>
/// The publish form's audio preview: a fresh <see cref="IAudioPreviewGrain"/> on the silo synthesises the draft,
/// and <see cref="AudioPreviewEndpoint"/> serves it to the site's operators. The form waits for it, but no
/// longer than <see cref="DashboardOptions.AudioPreviewTimeout"/>: publishing must not hang on the synthesiser.
/// Each account has one preview at a time and <see cref="DashboardOptions.AudioPreviewsPerAccountPerHour"/>: the
/// synthesiser also makes the published notices' audio, and one account must not keep it busy.
/// </summary>
public sealed class AudioPreviews(IGrainFactory grains, DashboardOptions options, ILogger<AudioPreviews> logger) : IDisposable
{
    private readonly PartitionedRateLimiter<string> perAccount = PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetConcurrencyLimiter(account,
            _ => new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 })),
        PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetSlidingWindowLimiter(account,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = options.AudioPreviewsPerAccountPerHour,
                Window = TimeSpan.FromHours(1),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
            })));

    /// <summary>The draft's recording, or why there is none.</summary>
    public async Task<AudioPreview> Make(NoticeSnapshot draft, string account, CancellationToken cancellationToken)
    {
        using var lease = perAccount.AttemptAcquire(account);
        if (!lease.IsAcquired)
        {
            return AudioPreview.TooMany;
        }

        var id = Identifiers.NewRandomId();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.AudioPreviewTimeout);
        try
        {
            var ready = await grains.GetGrain<IAudioPreviewGrain>(AudioPreviewKey.Of(draft.Territory, draft.Site, id)).Synthesize(draft, timeout.Token);
            return ready ? new AudioPreview(AudioPreviewEndpoint.Url(draft.Territory, draft.Site, id), false) : AudioPreview.Unavailable;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The audio preview for {Territory}/{Site} took longer than {Timeout}", draft.Territory, draft.Site, options.AudioPreviewTimeout);
            return AudioPreview.Unavailable;
        }
    }

    public void Dispose() => perAccount.Dispose();
}

/// <summary>A draft's recording (<see cref="Url"/>), or none: it failed, or the account asked for too many.</summary>
public sealed record AudioPreview(string? Url, bool Refused)
{
    public static readonly AudioPreview Unavailable = new(null, false);

    public static readonly AudioPreview TooMany = new(null, true);
}
