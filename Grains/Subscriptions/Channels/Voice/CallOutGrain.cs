using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Telephony;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.Grains.Telephony;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Subscriptions.Channels.Voice;

/// <summary>
/// One subscriber's calls about one notice version. The call's SID is stored as soon as Twilio took it, so that a
/// delivery resumed after a crash finds the call placed; only a call Twilio took in the instant before the crash can
/// go twice. Nobody answering, or a busy line, is tried again twice, ten minutes apart, unless the notice changed in
/// the meantime (its newer version is a call of its own).
/// </summary>
public sealed class CallOutGrain(
    [PersistentState("callOut", StorageNames.Grains)] IPersistentState<CallOutState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    TwilioClient twilio,
    TelephonePace pace,
    IOptions<TwilioRestOptions> twilioOptions,
    SubscriptionSecrets secrets,
    ILogger<CallOutGrain> logger) : Grain, ICallOutGrain, ICallOutPlacement, IRemindable
{
    /// <summary>Calls after the first when nobody answered or the line was busy.</summary>
    public const int Retries = 2;

    /// <summary>The wait before each of them.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(10);

    /// <summary>How long a finished call-out keeps its row, so that a delivery resumed late still finds it placed.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(1);

    /// <summary>How long the phone rings before Twilio reports no answer.</summary>
    private const int RingSeconds = 30;

    private const string Reminder = "callout";

    private static readonly ImmutableHashSet<string> Unanswered = ["busy", "no-answer", "failed", "canceled"];

    private CallOutState CallOut => state.State;

    public async Task<SendOutcome> Place(CallOutOrder order)
    {
        if (state.RecordExists)
        {
            return SendOutcome.Sent;
        }

        var answer = await Dial(order);
        if (!answer.Accepted)
        {
            return answer.Outcome();
        }

        state.State = new CallOutState { Order = order, Attempts = 1, CallSid = answer.Sid ?? "" };
        await state.WriteStateAsync();
        return SendOutcome.Sent;
    }

    public async Task StatusChanged(string callSid, string callStatus, TimeSpan? duration)
    {
        if (!state.RecordExists || CallOut.DoneAt is not null || callSid != CallOut.CallSid)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (callStatus == "completed")
        {
            if (CallOut.Order is { } order)
            {
                await GrainFactory.GetGrain<ITelephoneUsageGrain>(TelephoneUsage.Key(order.Territory, now)).AddCall(duration ?? TimeSpan.Zero);
            }

            await Done(now);
        }
        else if (Unanswered.Contains(callStatus))
        {
            if (CallOut.Attempts > Retries)
            {
                logger.LogInformation("Call-out {Key}: {Status} after {Attempts} calls; given up", this.GetPrimaryKeyString(), callStatus, CallOut.Attempts);
                await Done(now);
                return;
            }

            CallOut.NextAttemptAt = now + RetryDelay;
            await this.RegisterOrUpdateReminder(Reminder, RetryDelay, DeadlineReminders.RetryPeriod);
            await state.WriteStateAsync();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var now = clock.GetUtcNow();
        if (!state.RecordExists || (CallOut.DoneAt is { } done && now >= done + Kept))
        {
            await state.ClearStateAsync();
            await StopReminder();
            return;
        }

        if (CallOut.DoneAt is not null || CallOut.NextAttemptAt is not { } next || now < next || CallOut.Order is not { } order)
        {
            return;
        }

        var notice = await GrainFactory.GetGrain<INoticeGrain>(order.CallOut.NoticeId).Get();
        if (notice is null || notice.Version != order.CallOut.Version || notice.AsOf(now).Status == NoticeStatus.Expired)
        {
            await Done(now);
            return;
        }

        var answer = await Dial(order);
        if (answer.Accepted)
        {
            CallOut.Attempts++;
            CallOut.CallSid = answer.Sid ?? "";
            CallOut.NextAttemptAt = null;
            await state.WriteStateAsync();
            return;
        }

        var outcome = answer.Outcome();
        if (outcome.Result == SendResult.RetryLater)
        {
            CallOut.NextAttemptAt = now + (outcome.After ?? DeadlineReminders.RetryPeriod);
            await state.WriteStateAsync();
            return;
        }

        if (outcome.Result == SendResult.Ended)
        {
            await GrainFactory.GetGrain<ISubscriptionGrain>(order.CallOut.SubscriptionId).End(outcome.Reason ?? "refused by Twilio");
        }

        await Done(now);
    }

    /// <summary>Answered, given up or outdated: the number goes, the row stays a day, then the reminder clears it.</summary>
    private async Task Done(DateTimeOffset now)
    {
        CallOut.DoneAt = now;
        CallOut.NextAttemptAt = null;
        if (CallOut.Order is { } order)
        {
            CallOut.Order = order with { ProtectedContact = "" };
        }

        await this.RegisterOrUpdateReminder(Reminder, Kept, DeadlineReminders.RetryPeriod);
        await state.WriteStateAsync();
    }

    private async Task<TwilioAnswer> Dial(CallOutOrder order)
    {
        if (await TerritoryCaller.Number(GrainFactory, twilioOptions.Value, order.Territory) is not { } from)
        {
            return new TwilioAnswer(null, null, null, null, $"territory {order.Territory} has no number to call from", null);
        }

        var to = secrets.Unprotect(order.ProtectedContact).Address;
        var query = order.CallOut.Query;
        await pace.Wait(order.Territory, SubscriptionChannel.Voice, CancellationToken.None);
        return await twilio.PlaceCall(
            from,
            to,
            new Uri(order.BaseUrl, Interfaces.Voice.CallOut.AnswerPath + query),
            new Uri(order.BaseUrl, Interfaces.Voice.CallOut.StatusPath + query),
            [
                // Twilio tells a person from an answering machine, and waits for the machine's beep before asking for
                // the TwiML: a machine records the message once, from its start.
                new("MachineDetection", "DetectMessageEnd"),
                new("Timeout", RingSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            CancellationToken.None);
    }

    private async Task StopReminder()
    {
        if (await this.GetReminder(Reminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
