using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Subscriptions.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Subscriptions;

public sealed class SubscriptionGrain(
    [PersistentState("subscription", StorageNames.Grains)] IPersistentState<SubscriptionState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<SubscriptionOptions> options,
    SubscriptionSecrets secrets,
    SubscriptionLinks links,
    IEnumerable<IConfirmationSender> confirmationSenders,
    ILogger<SubscriptionGrain> logger) : Grain, ISubscriptionGrain, IRemindable
{
    private const string PendingReminder = "pending";
    private const string IndexReminder = "index";
    private const string ConfirmationReminder = "confirmation";

    private SubscriptionState Subscription => state.State;

    private string Id => this.GetPrimaryKeyString();

    public async Task<SubscriptionStatus> Open(SignUp signUp, string protectedContact, string lookupKey)
    {
        var now = clock.GetUtcNow();
        if (!state.RecordExists)
        {
            var active = signUp.Contact.Channel == SubscriptionChannel.WebPush || signUp.ConsentGiven;
            state.State = new SubscriptionState
            {
                Territory = signUp.Territory,
                Channel = signUp.Contact.Channel,
                Status = active ? SubscriptionStatus.Active : SubscriptionStatus.Pending,
                ProtectedContact = protectedContact,
                LookupKey = lookupKey,
                MaskedContact = SubscriptionRules.Mask(signUp.Contact),
                Preferences = signUp.Preferences,
                BaseUrl = signUp.BaseUrl,
                CreatedAt = now,
                ConfirmedAt = active ? now : null,
                IndexPending = active,
            };
            await Store();
            if (!active)
            {
                await this.RegisterOrUpdateReminder(PendingReminder, DeadlineReminders.DueTime(now + options.Value.PendingLifetime, now), DeadlineReminders.RetryPeriod);
            }
        }
        else if (Subscription.Status == SubscriptionStatus.Pending && signUp.ConsentGiven)
        {
            // The number called to subscribe while its code was on its way: the call is the confirmation.
            Subscription.Preferences = signUp.Preferences;
            await Activate();
            return Subscription.Status;
        }
        else if (Subscription.Status == SubscriptionStatus.Pending || Subscription.Channel == SubscriptionChannel.WebPush)
        {
            // A browser re-subscribing holds its endpoint; a pending address is not yet anyone's. An active e-mail or
            // number keeps its choices: only its owner's manage link changes them.
            Subscription.Preferences = signUp.Preferences;
            Subscription.ProtectedContact = protectedContact;
            Subscription.IndexPending = Subscription.Status == SubscriptionStatus.Active;
            await Store();
        }

        await Index();
        return Subscription.Status;
    }

    public async Task<bool> SendConfirmation(string territoryName)
    {
        if (!state.RecordExists || confirmationSenders.LastOrDefault(s => s.Channel == Subscription.Channel) is not { } sender)
        {
            return false;
        }

        var pending = Subscription.Status == SubscriptionStatus.Pending;
        var byCode = Subscription.Channel is SubscriptionChannel.Sms or SubscriptionChannel.Voice;
        string? code = null;
        if (pending && byCode)
        {
            // Stored (as a keyed hash) before it leaves, so that the code the subscriber gets is the one checked.
            code = SubscriptionRules.NewCode();
            Subscription.CodeTag = await secrets.CodeTag(Id, code);
            await Store();
        }

        var confirmation = new SubscriptionConfirmation(
            Id,
            Subscription.Territory,
            territoryName,
            Subscription.Preferences.Language,
            pending && !byCode ? await links.Confirm(Id, Subscription.BaseUrl) : null,
            code,
            pending ? null : await links.Manage(Id, Subscription.BaseUrl),
            links.Base(Subscription.BaseUrl));
        var outcome = await sender.SendConfirmationAsync(secrets.Unprotect(Subscription.ProtectedContact), confirmation, CancellationToken.None);
        if (outcome.Result != SendResult.Sent)
        {
            logger.LogWarning("Confirmation of subscription {Id} not sent: {Result} {Reason}", Id, outcome.Result, outcome.Reason);
        }

        if (outcome.Result == SendResult.Ended && pending)
        {
            // A number that can never get the code (not a mobile, unsubscribed from our sender): nothing to wait for.
            await Delete(outcome.Reason ?? "confirmation refused by its channel");
            return false;
        }

        await OweConfirmation(outcome.Result == SendResult.RetryLater ? territoryName : null);
        return outcome.Result == SendResult.Sent;
    }

    /// <summary>
    /// A passing failure of the channel (relay down, provider busy) must not cost the subscriber the mail or code
    /// they are waiting for, nor leave them unable to ask again for an hour: it is kept and sent again every
    /// minute, for at most a pending subscription's lifetime.
    /// </summary>
    private async Task OweConfirmation(string? territoryName)
    {
        if (territoryName is not null && Subscription.UnsentConfirmation is null)
        {
            Subscription.UnsentConfirmation = new UnsentConfirmation(territoryName, clock.GetUtcNow());
            await Store();
            await this.RegisterOrUpdateReminder(ConfirmationReminder, DeadlineReminders.RetryPeriod, DeadlineReminders.RetryPeriod);
        }
        else if (territoryName is null && Subscription.UnsentConfirmation is not null)
        {
            Subscription.UnsentConfirmation = null;
            await Store();
            await StopReminder(ConfirmationReminder);
        }
    }

    public async Task<CodeConfirmation> ConfirmCode(string code)
    {
        if (!state.RecordExists || Subscription.CodeTag is not { } expected)
        {
            return CodeConfirmation.Gone;
        }

        if (code.Length == 6 && code.All(char.IsAsciiDigit) && await secrets.IsCodeTag(Id, code, expected))
        {
            if (Subscription.Status == SubscriptionStatus.Pending)
            {
                await Activate();
            }

            return new CodeConfirmation(true, CodeConfirmation.Tries - Subscription.CodeTries, await secrets.Token(Id, TokenPurpose.Manage));
        }

        Subscription.CodeTries++;
        var left = Math.Max(0, CodeConfirmation.Tries - Subscription.CodeTries);
        if (left == 0 && Subscription.Status == SubscriptionStatus.Pending)
        {
            await Delete("wrong confirmation codes");
            return new CodeConfirmation(false, 0, null);
        }

        if (left == 0)
        {
            // Active already: it keeps its messages, but its code no longer opens its manage link to anyone guessing.
            Subscription.CodeTag = null;
        }

        await Store();
        return new CodeConfirmation(false, left, null);
    }

    public async Task<SubscriptionView?> Get(TokenPurpose purpose, string tag) =>
        await Holds(purpose, tag) ? View() : null;

    public async Task<bool> Confirm(string tag)
    {
        if (!await Holds(TokenPurpose.Confirm, tag))
        {
            return false;
        }

        if (Subscription.Status == SubscriptionStatus.Pending)
        {
            await Activate();
        }

        return true;
    }

    private async Task Activate()
    {
        Subscription.Status = SubscriptionStatus.Active;
        Subscription.ConfirmedAt = clock.GetUtcNow();
        Subscription.IndexPending = true;
        await Store();
        await StopReminder(PendingReminder);
        await Index();
    }

    public async Task<SubscriptionView?> Change(string tag, SubscriptionPreferences preferences)
    {
        if (!await Holds(TokenPurpose.Manage, tag))
        {
            return null;
        }

        Subscription.Preferences = preferences;
        Subscription.IndexPending = Subscription.Status == SubscriptionStatus.Active;
        await Store();
        await Index();
        return View();
    }

    public async Task<bool> Unsubscribe(string tag)
    {
        if (!state.RecordExists)
        {
            // Already gone: a second click, or a mail client's retry, is answered as the first.
            return await secrets.IsTag(Id, TokenPurpose.Manage, tag);
        }

        if (!await Holds(TokenPurpose.Manage, tag))
        {
            return false;
        }

        await Delete("unsubscribed");
        return true;
    }

    public async Task End(string reason)
    {
        if (state.RecordExists)
        {
            await Delete(reason);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.RecordExists)
        {
            await StopReminder(reminderName);
            return;
        }

        if (reminderName == PendingReminder)
        {
            var now = clock.GetUtcNow();
            if (Subscription.Status != SubscriptionStatus.Pending)
            {
                await StopReminder(PendingReminder);
            }
            else if (now >= Subscription.CreatedAt + options.Value.PendingLifetime)
            {
                await Delete("not confirmed");
            }
            else
            {
                await this.RegisterOrUpdateReminder(PendingReminder, DeadlineReminders.DueTime(Subscription.CreatedAt + options.Value.PendingLifetime, now), DeadlineReminders.RetryPeriod);
            }
        }
        else if (reminderName == IndexReminder)
        {
            await Index();
        }
        else if (reminderName == ConfirmationReminder)
        {
            if (Subscription.UnsentConfirmation is not { } unsent)
            {
                await StopReminder(ConfirmationReminder);
            }
            else if (clock.GetUtcNow() >= unsent.Since + options.Value.PendingLifetime)
            {
                await OweConfirmation(null);
            }
            else
            {
                await SendConfirmation(unsent.TerritoryName);
            }
        }
    }

    private async Task<bool> Holds(TokenPurpose purpose, string tag) =>
        state.RecordExists && await secrets.IsTag(Id, purpose, tag);

    private SubscriptionView View() => new(
        Id, Subscription.Territory, Subscription.Channel, Subscription.Status, Subscription.Preferences,
        Subscription.MaskedContact, Subscription.CreatedAt, Subscription.ConfirmedAt);

    /// <summary>Writes the state; a pending index change arms its reminder first, so a crash after the write is mended.</summary>
    private async Task Store()
    {
        if (Subscription.IndexPending)
        {
            await this.RegisterOrUpdateReminder(IndexReminder, DeadlineReminders.RetryPeriod, DeadlineReminders.RetryPeriod);
        }

        await state.WriteStateAsync();
    }

    /// <summary>Puts the entry of an active subscription into its bucket (choosing one the first time).</summary>
    private async Task Index()
    {
        if (!Subscription.IndexPending)
        {
            return;
        }

        var entry = new BucketEntry(Id, Subscription.Channel, Subscription.Preferences, Subscription.ProtectedContact, Subscription.BaseUrl, Subscription.ConfirmedAt);
        var index = GrainFactory.GetGrain<ISubscriptionIndexGrain>(Subscription.Territory);
        var bucket = Subscription.Bucket ?? await index.OpenBucket();
        while (true)
        {
            if (Subscription.Bucket != bucket)
            {
                // The bucket is stored before the entry is put there, so a crash never leaves the entry in two buckets.
                Subscription.Bucket = bucket;
                await state.WriteStateAsync();
            }

            if (await GrainFactory.GetGrain<ISubscriptionBucketGrain>(BucketKey(Subscription.Territory, bucket)).Put(entry))
            {
                break;
            }

            bucket = await index.BucketFull(bucket);
        }

        Subscription.IndexPending = false;
        await state.WriteStateAsync();
        await StopReminder(IndexReminder);
    }

    private async Task Delete(string reason)
    {
        if (Subscription.Bucket is { } bucket)
        {
            await GrainFactory.GetGrain<ISubscriptionBucketGrain>(BucketKey(Subscription.Territory, bucket)).Remove(Id);
        }

        await GrainFactory.GetGrain<ISubscriberLookupGrain>(Subscription.LookupKey).Forget(Subscription.Territory, Id);
        await StopReminder(PendingReminder);
        await StopReminder(IndexReminder);
        if (Subscription.UnsentConfirmation is not null)
        {
            await StopReminder(ConfirmationReminder);
        }

        await state.ClearStateAsync();
        logger.LogInformation("Subscription {Id} deleted: {Reason}", Id, reason);
    }

    private async Task StopReminder(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>The key of a territory's bucket.</summary>
    public static string BucketKey(string territory, int bucket) => $"{territory}/{bucket}";
}
