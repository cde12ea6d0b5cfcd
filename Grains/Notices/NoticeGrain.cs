using Microsoft.Extensions.DependencyInjection;
using AlloIndustrie.Grains.Interfaces.Live;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Notices;

public sealed class NoticeGrain(
    [PersistentState("notice", StorageNames.Grains)] IPersistentState<NoticeState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<NoticeOptions> options,
    GrainMetrics metrics,
    ILogger<NoticeGrain> logger) : Grain, INoticeGrain, IRemindable
{
    private const string LifecycleReminder = "lifecycle";

    private NoticeState Notice => state.State;

    public async Task<NoticeResult> Create(NoticeCreation creation)
    {
        if (state.RecordExists)
        {
            return NoticeResult.Failed(CommandError.Conflict("Une notice porte déjà cet identifiant."));
        }

        var now = clock.GetUtcNow();
        var errors = NoticeRules.Validate(creation.Draft, now, creation.DefaultRetention, options.Value.MinimumRetention);
        if (errors.Count > 0)
        {
            return NoticeResult.Failed(CommandError.Invalid(errors));
        }

        state.State = NoticeState.Create(creation, now);
        var result = await Commit(now, NoticeMessageKind.Published);
        metrics.Published(Notice.Territory);
        return result;
    }

    public Task<NoticeSnapshot?> Get() =>
        Task.FromResult(state.RecordExists ? Snapshot(clock.GetUtcNow()) : null);

    public async Task<NoticeResult> AddUpdate(string message, bool notify = true)
    {
        var now = clock.GetUtcNow();
        if (Refuse(now, allowEnded: true) is { } refusal)
        {
            return NoticeResult.Failed(refusal);
        }

        var errors = NoticeRules.ValidateText("message", message, NoticeRules.MessageMaxLength, "Le message");
        if (errors.Count > 0)
        {
            return NoticeResult.Failed(CommandError.Invalid(errors));
        }

        if (await GrainFactory.GetGrain<ISiteGrain>(SiteKey.Of(Notice.Territory, Notice.Site)).GetProfile() is { } site && site.IsSuspendedAt(now))
        {
            return NoticeResult.Failed(CommandError.Forbidden(SiteProfile.SuspendedUpdate));
        }

        Notice.Updates.Add(new NoticeUpdate(now, message.Trim()));
        var result = await Commit(now, notify ? NoticeMessageKind.Updated : null);
        metrics.Updated(Notice.Territory);
        return result;
    }

    public async Task<NoticeResult> End(string? message)
    {
        var now = clock.GetUtcNow();
        if (Refuse(now, allowEnded: false) is { } refusal)
        {
            return NoticeResult.Failed(refusal);
        }

        if (message is { Length: > NoticeRules.MessageMaxLength })
        {
            return NoticeResult.Failed(CommandError.Invalid("message", $"Le message ne doit pas dépasser {NoticeRules.MessageMaxLength} caractères."));
        }

        if (!string.IsNullOrWhiteSpace(message))
        {
            Notice.Updates.Add(new NoticeUpdate(now, message.Trim()));
        }

        Notice.Status = NoticeStatus.Ended;
        Notice.EndedAt = now;
        var result = await Commit(now, NoticeMessageKind.Ended);
        metrics.Ended(Notice.Territory);
        return result;
    }

    public async Task<NoticeResult> Withdraw(string reason)
    {
        var now = clock.GetUtcNow();
        if (Refuse(now, allowEnded: true) is { } refusal)
        {
            return NoticeResult.Failed(refusal);
        }

        var errors = NoticeRules.ValidateText("reason", reason, NoticeRules.ReasonMaxLength, "Le motif du retrait");
        if (errors.Count > 0)
        {
            return NoticeResult.Failed(CommandError.Invalid(errors));
        }

        Notice.Status = NoticeStatus.Withdrawn;
        Notice.WithdrawnReason = reason.Trim();
        var result = await Commit(now, NoticeMessageKind.Withdrawn);
        metrics.Withdrawn(Notice.Territory);
        return result;
    }

    public async Task SetAudio(int version, string audioUrl)
    {
        // Audio of an older text is of no use: the current version's text differs from it.
        if (!state.RecordExists || version != Notice.Version)
        {
            return;
        }

        Notice.AudioUrl = audioUrl;
        Notice.AudioVersion = version;
        await state.WriteStateAsync();
        metrics.AudioReady(Notice.Territory, clock.GetUtcNow() - Notice.UpdatedAt);
        try
        {
            await GrainFactory.GetGrain<ITerritoryGrain>(Notice.Territory).AudioReady(
                new NoticeAudioReady(Notice.Territory, Notice.Site, this.GetPrimaryKeyString(), version, audioUrl));
        }
        catch (Exception exception)
        {
            // The next tick pushes the whole notice, audio included.
            logger.LogWarning(exception, "Notice {Id} could not tell its territory that its audio is ready; the next tick retries", this.GetPrimaryKeyString());
            await this.RegisterOrUpdateReminder(LifecycleReminder, DeadlineReminders.RetryPeriod, DeadlineReminders.RetryPeriod);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.RecordExists)
        {
            await StopReminder();
            return;
        }

        var now = clock.GetUtcNow();
        var reached = Snapshot(now).Status;
        if (reached != Notice.Status)
        {
            logger.LogInformation("Notice {Id} goes from {From} to {To}", this.GetPrimaryKeyString(), Notice.Status, reached);
            var started = Notice.Status == NoticeStatus.Scheduled && reached == NoticeStatus.Active;
            Notice.Status = reached;
            await Commit(now, started ? NoticeMessageKind.Started : null);
            return;
        }

        // A repeated tick, or one that follows a lost push: make sure the territory and the subscribers have the latest version.
        var told = await TellSubscribers(now);
        if (await PublishToTerritory(now) && told)
        {
            await ScheduleNextDeadline(now);
        }
    }

    private CommandError? Refuse(DateTimeOffset now, bool allowEnded)
    {
        if (!state.RecordExists)
        {
            return CommandError.NotFound("Notice introuvable.");
        }

        return Snapshot(now).Status switch
        {
            NoticeStatus.Expired => CommandError.Conflict("Cette notice a expiré : elle ne peut plus être modifiée."),
            NoticeStatus.Withdrawn => CommandError.Conflict("Cette notice a été retirée : elle ne peut plus être modifiée."),
            NoticeStatus.Ended when !allowEnded => CommandError.Conflict("Cette notice est déjà terminée."),
            _ => null,
        };
    }

    /// <summary>
    /// Persists a change and spreads it. The one-minute retry reminder is armed before the write, so that a
    /// crash between the write and the push is mended by the next tick; a failed write throws, leaving the
    /// caller to say so and to retry.
    /// </summary>
    private async Task<NoticeResult> Commit(DateTimeOffset now, NoticeMessageKind? tell)
    {
        try
        {
            await this.RegisterOrUpdateReminder(LifecycleReminder, DeadlineReminders.RetryPeriod, DeadlineReminders.RetryPeriod);
            Notice.Version++;
            Notice.UpdatedAt = now;
            Notice.TellSubscribers = tell;
            await state.WriteStateAsync();
        }
        catch
        {
            // The change is in memory only: the next activation reads what storage really holds.
            DeactivateOnIdle();
            throw;
        }

        var told = await TellSubscribers(now);
        if (await PublishToTerritory(now) && told)
        {
            await ScheduleNextDeadline(now);
        }

        return NoticeResult.Ok(Snapshot(now));
    }

    private async Task<bool> PublishToTerritory(DateTimeOffset now)
    {
        GrainFactory.GetGrain<Interfaces.Voice.INoticeAudioGrain>(this.GetPrimaryKeyString()).NoticeChanged(Snapshot(now)).Ignore();
        try
        {
            await GrainFactory.GetGrain<ITerritoryGrain>(Notice.Territory).NoticeChanged(Snapshot(now));
            return true;
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Notice {Id} could not reach its territory; the next tick retries", this.GetPrimaryKeyString());
            return false;
        }
    }

    private async Task<bool> TellSubscribers(DateTimeOffset now)
    {
        if (Notice.TellSubscribers is not { } kind)
        {
            return true;
        }

        try
        {
            await GrainFactory.GetGrain<INoticeDeliveryGrain>(this.GetPrimaryKeyString()).Deliver(Snapshot(now), kind);
            return true;
        }
        catch (Exception exception)
        {
            // The lifecycle reminder's next tick hands it over again; the delivery ignores a version it already has.
            logger.LogWarning(exception, "Notice {Id} could not hand version {Version} to its subscribers' delivery; the next tick retries", this.GetPrimaryKeyString(), Notice.Version);
            return false;
        }
    }

    private async Task ScheduleNextDeadline(DateTimeOffset now)
    {
        DateTimeOffset? deadline = Notice.Status switch
        {
            NoticeStatus.Scheduled => Notice.StartsAt,
            NoticeStatus.Active or NoticeStatus.Ended => Notice.ExpiresAt,
            _ => null,
        };
        if (deadline is not { } due)
        {
            await StopReminder();
            return;
        }

        await this.RegisterOrUpdateReminder(LifecycleReminder, DeadlineReminders.DueTime(due, now), DeadlineReminders.RetryPeriod);
    }

    private async Task StopReminder()
    {
        if (await this.GetReminder(LifecycleReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private NoticeSnapshot Snapshot(DateTimeOffset now) => Notice.Snapshot(this.GetPrimaryKeyString(), now);
}
