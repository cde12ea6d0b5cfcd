using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.Grains.Speech;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlloIndustrie.Grains.Voice;

/// <summary>
/// A draft's recording, held in a field and never in grain storage. A timer ends the activation
/// <see cref="Lifetime"/> after synthesis, listened to or not, so that an unpublished text does not linger in
/// the silo's memory either; a request after that finds nothing and the operator previews again.
/// </summary>
public sealed class AudioPreviewGrain(
    ISpeechSynthesizer synthesizer,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<AudioPreviewGrain> logger) : Grain, IAudioPreviewGrain
{
    /// <summary>Long enough to listen and correct a draft; short for something not meant to be kept.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private byte[]? mp3;
    private bool synthesised;

    public async Task<bool> Synthesize(NoticeSnapshot draft, CancellationToken cancellationToken)
    {
        if (synthesised)
        {
            return mp3 is not null;
        }

        synthesised = true;
        try
        {
            var speech = await synthesizer.Synthesize(await NoticeReading.Text(GrainFactory, draft, time.GetUtcNow()), SpeechPriority.Preview, cancellationToken);
            mp3 = speech.Mp3;
            this.RegisterGrainTimer(Forget, new GrainTimerCreationOptions
            {
                DueTime = Lifetime,
                Period = Timeout.InfiniteTimeSpan,
                KeepAlive = false,
            });
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not synthesise an audio preview for {Territory}/{Site}", draft.Territory, draft.Site);
            return false;
        }
        finally
        {
            if (mp3 is null)
            {
                DeactivateOnIdle();
            }
        }
    }

    public Task<byte[]?> GetMp3()
    {
        // An unknown or forgotten preview must not leave an empty activation behind either.
        if (mp3 is null)
        {
            DeactivateOnIdle();
        }

        return Task.FromResult(mp3);
    }

    private Task Forget(CancellationToken cancellationToken)
    {
        mp3 = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
