using System.Security.Cryptography;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.Grains.Speech;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlloIndustrie.Grains.Voice;

/// <summary>
/// Synthesises each version of a notice in a timer turn, so that the notice's one-way call returns at
/// once. While a version is owed, a reminder stands: if the silo goes down mid-way, the reminder
/// reactivates the grain elsewhere and synthesis resumes. Failures are retried with a growing delay.
/// </summary>
public sealed class NoticeAudioGrain(
    [PersistentState("noticeAudio", StorageNames.Grains)] IPersistentState<NoticeAudioState> state,
    ISpeechSynthesizer synthesizer,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    ILogger<NoticeAudioGrain> logger) : Grain, INoticeAudioGrain, IRemindable
{
    public const int MaxAttempts = 8;
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(10);
    private const string PendingReminder = "synthesis-pending";
    private static readonly TimeSpan PendingReminderPeriod = TimeSpan.FromMinutes(5);

    private IGrainTimer? timer;
    private bool scheduled;

    private string NoticeId => this.GetPrimaryKeyString();

    public async Task NoticeChanged(NoticeSnapshot notice)
    {
        if (!notice.IsPublicAt(time.GetUtcNow()))
        {
            await Forget();
            return;
        }

        if (notice.Version <= state.State.WantedVersion)
        {
            return;
        }

        state.State.WantedVersion = notice.Version;
        state.State.FailedAttempts = 0;
        state.State.LastError = null;
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(PendingReminder, PendingReminderPeriod, PendingReminderPeriod);
        Schedule(TimeSpan.Zero);
    }

    public Task<NoticeAudioStatus> GetStatus() => Task.FromResult(new NoticeAudioStatus(
        state.State.WantedVersion, [.. state.State.ReadyVersions], state.State.FailedAttempts, state.State.LastError));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != PendingReminder)
        {
            return;
        }

        // A tick already on its way when synthesis gave up must not start it again.
        if (state.State.FailedAttempts >= MaxAttempts)
        {
            await this.UnregisterReminderIfAny(PendingReminder);
        }
        else if (!scheduled)
        {
            // Work lost with a previous activation; a live one has its own timer.
            Schedule(TimeSpan.Zero);
        }
    }

    private void Schedule(TimeSpan delay)
    {
        // One timer per activation, moved rather than replaced: disposing a timer would cancel a running turn.
        timer ??= this.RegisterGrainTimer(Work, new GrainTimerCreationOptions
        {
            DueTime = Timeout.InfiniteTimeSpan,
            Period = Timeout.InfiniteTimeSpan,

            // The grain must outlive a back-off delay; the reminder only covers a lost silo.
            KeepAlive = true,
        });
        timer.Change(delay, Timeout.InfiniteTimeSpan);
        scheduled = true;
    }

    private async Task Work(CancellationToken cancellationToken)
    {
        scheduled = false;

        var noticeGrain = GrainFactory.GetGrain<INoticeGrain>(NoticeId);
        var notice = await noticeGrain.Get();
        var now = time.GetUtcNow();
        if (notice is null || !notice.IsPublicAt(now))
        {
            await Forget();
            return;
        }

        try
        {
            if (!state.State.ReadyVersions.Contains(notice.Version))
            {
                await Synthesize(notice, now, cancellationToken);
            }

            var url = NoticeAudioUrl.For(notice.Id, notice.Version);
            if (notice.AudioUrl != url)
            {
                await noticeGrain.SetAudio(notice.Version, url);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await Failed(notice, ex);
            return;
        }

        await this.UnregisterReminderIfAny(PendingReminder);
    }

    private async Task Synthesize(NoticeSnapshot notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var speech = await synthesizer.Synthesize(await NoticeReading.Text(GrainFactory, notice, now), SpeechPriority.Notice, cancellationToken);

        await GrainFactory.GetGrain<INoticeAudioClipGrain>(NoticeAudioUrl.ClipKey(notice.Id, notice.Version))
            .Store(new NoticeAudioClip(speech.Mp3, ETag(speech.Mp3), speech.Duration, now, speech.TelephoneWav, ETag(speech.TelephoneWav)));

        state.State.ReadyVersions.Add(notice.Version);
        state.State.WantedVersion = Math.Max(state.State.WantedVersion, notice.Version);
        state.State.FailedAttempts = 0;
        state.State.LastError = null;
        await state.WriteStateAsync();
        logger.LogInformation("Synthesised notice {NoticeId} version {Version}: {Seconds:0.0} s, {Bytes} bytes",
            notice.Id, notice.Version, speech.Duration.TotalSeconds, speech.Mp3.Length);
    }

    private static string ETag(byte[] bytes) => $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";

    private async Task Failed(NoticeSnapshot notice, Exception error)
    {
        state.State.FailedAttempts++;
        state.State.LastError = error.Message;
        await state.WriteStateAsync();

        if (state.State.FailedAttempts >= MaxAttempts)
        {
            // The phone line reads the notice with the provider's voice meanwhile; the next change retries.
            logger.LogError(error, "Gave up synthesising notice {NoticeId} version {Version} after {Attempts} attempts",
                notice.Id, notice.Version, state.State.FailedAttempts);
            await this.UnregisterReminderIfAny(PendingReminder);
            return;
        }

        var delay = RetryDelay(state.State.FailedAttempts);
        logger.LogWarning(error, "Synthesis of notice {NoticeId} version {Version} failed (attempt {Attempt}); retrying in {Delay}",
            notice.Id, notice.Version, state.State.FailedAttempts, delay);
        Schedule(delay);
    }

    /// <summary>5 s, 10 s, 20 s… up to 10 minutes.</summary>
    public static TimeSpan RetryDelay(int failedAttempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(failedAttempts - 1, 20)));

    /// <summary>The notice left the public channels: its recordings go too.</summary>
    private async Task Forget()
    {
        timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        scheduled = false;
        foreach (var version in state.State.ReadyVersions)
        {
            await GrainFactory.GetGrain<INoticeAudioClipGrain>(NoticeAudioUrl.ClipKey(NoticeId, version)).Delete();
        }

        await this.UnregisterReminderIfAny(PendingReminder);
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        DeactivateOnIdle();
    }
}
