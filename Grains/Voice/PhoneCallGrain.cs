using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Reports;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.Grains.Speech;
using AlloIndustrie.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlloIndustrie.Grains.Voice;

/// <summary>
/// A call lives a few minutes and Orleans routes all of its webhooks to this one activation, so its place
/// is kept in memory: nothing to clean from storage when it ends. A timer keeps it alive while the call
/// goes on and ends it if Twilio's status callback never comes. Should the activation be lost all the
/// same, the next webhook starts the caller over from the first notice rather than failing.
/// </summary>
public sealed class PhoneCallGrain(
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
    GrainMetrics metrics,
    ILogger<PhoneCallGrain> logger) : Grain, IPhoneCallGrain
{
    /// <summary>Longer than any notice takes to hear: no webhook for that long means the call is gone.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>How long an ended call still answers late webhooks before it goes away.</summary>
    public static readonly TimeSpan EndedGrace = TimeSpan.FromMinutes(2);

    /// <summary>
    /// What the provider's voice reads of one notice at most: even in characters XML escapes five times
    /// over, the TwiML stays under Twilio's 64 KB. The full text remains on the public page.
    /// </summary>
    public const int MaxSpokenCharacters = 10_000;

    /// <summary>How many times the menu is said again after the last notice before the goodbye.</summary>
    public const int EndMenuRepeats = 2;

    private static readonly ImmutableHashSet<string> FinalStatuses =
        ["completed", "busy", "failed", "no-answer", "canceled"];

    private string territory = "";
    private ImmutableArray<string> noticeIds = [];
    private PronunciationLexicon lexicon = PronunciationLexicon.Default;
    private int position;
    private int endRepeats;
    private int step;
    private CallResponse? last;
    private bool ended;
    private bool counted;
    private bool reportMenu;
    private bool callsMenu;
    private bool subscribed;
    private string? caller;
    private Uri? baseUrl;
    private string territoryName = "";
    private DateTimeOffset answeredAt;
    private DateTimeOffset lastSeen;

    private string CallSid => this.GetPrimaryKeyString();

    private bool Simulated => CallSid.StartsWith(IPhoneCallGrain.SimulatedPrefix, StringComparison.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        lastSeen = time.GetUtcNow();
        this.RegisterGrainTimer(CheckIdle, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.FromMinutes(1),
            Period = TimeSpan.FromMinutes(1),
            KeepAlive = true,
        });
        return Task.CompletedTask;
    }

    public async Task<CallResponse> Answer(string territory, string? caller = null, Uri? baseUrl = null)
    {
        lastSeen = time.GetUtcNow();
        if (ended)
        {
            return CallResponse.Goodbye(CallPrompt.Say(PhonePhrases.Goodbye));
        }

        // A retried incoming webhook: same answer, the call is not counted twice.
        if (last is not null)
        {
            return last;
        }

        this.caller = CallerNumber.Callable(caller);
        this.baseUrl = baseUrl;
        if (!Simulated)
        {
            GrainFactory.GetGrain<IPhoneLineStatsGrain>(territory).CallAnswered().Ignore();
            metrics.CallAnswered(territory);
            counted = true;
        }

        return await Begin(territory, null);
    }

    public async Task<CallResponse> Choose(string territory, int step, string? digits)
    {
        lastSeen = time.GetUtcNow();
        if (ended)
        {
            return CallResponse.Goodbye(CallPrompt.Say(PhonePhrases.Goodbye));
        }

        if (last is null)
        {
            logger.LogWarning("Call {CallSid} was not known at step {Step}; starting over", CallSid, step);
            return await Begin(territory, PhonePhrases.Resume);
        }

        // A retried or late webhook for an earlier step, or a step never handed out: repeat, change nothing.
        if (step != this.step)
        {
            return last;
        }

        if (reportMenu)
        {
            reportMenu = false;
            last = await Report(digits);
            return last;
        }

        if (callsMenu)
        {
            callsMenu = false;
            last = digits == "1" ? await Subscribe() : Back([CallPrompt.Say(PhonePhrases.CallsCancelled)]);
            return last;
        }

        if (noticeIds.IsEmpty)
        {
            // Nothing going on: the one key offered is 5; anything else ends the call.
            last = digits == "5" ? CallsMenu() : CallResponse.Goodbye(CallPrompt.Say(PhonePhrases.Goodbye));
            return last;
        }

        last = digits switch
        {
            null or "" or "2" => await Present(position + 1, 1, []),
            "1" => await Present(position, 1, []),
            "3" => await Present(position - 1, -1, []),
            "0" => await Present(0, 1, [CallPrompt.Say(PhonePhrases.BackToStart), .. await Counts()]),
            "4" => ReportMenu(),
            "5" when !subscribed => CallsMenu(),
            _ => Back([CallPrompt.Say(PhonePhrases.UnknownChoice)]),
        };
        return last;
    }

    public async Task<CallResponse> AnswerCallOut(CallOut callOut, bool machine)
    {
        lastSeen = time.GetUtcNow();
        if (ended)
        {
            return CallResponse.Goodbye(CallPrompt.Say(PhonePhrases.Goodbye));
        }

        return last ?? await BeginCallOut(callOut, machine);
    }

    public async Task<CallResponse> ChooseCallOut(CallOut callOut, int step, string? digits)
    {
        lastSeen = time.GetUtcNow();
        if (ended)
        {
            return CallResponse.Goodbye(CallPrompt.Say(PhonePhrases.Goodbye));
        }

        if (last is null)
        {
            logger.LogWarning("Call-out {CallSid} was not known at step {Step}; starting over", CallSid, step);
            return await BeginCallOut(callOut, false);
        }

        if (step != this.step)
        {
            return last;
        }

        last = digits switch
        {
            "1" => await PresentCallOut([]),
            "9" => await Unsubscribe(callOut),
            null or "" => CallResponse.Goodbye(CallPrompt.Say(PhonePhrases.Goodbye)),
            _ => new CallResponse([CallPrompt.Say(PhonePhrases.UnknownChoice)], [CallPrompt.Say(PhonePhrases.CallOutMenu)], ++this.step),
        };
        return last;
    }

    public Task StatusChanged(string callStatus, TimeSpan? duration)
    {
        lastSeen = time.GetUtcNow();
        if (!FinalStatuses.Contains(callStatus) || ended)
        {
            return Task.CompletedTask;
        }

        End(duration ?? lastSeen - answeredAt);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A call the service placed: the greeting, then the notice as it stands now (its audio, or its text until the
    /// audio is ready), and the call-out's two keys; an answering machine hears it once, then the hang-up.
    /// </summary>
    private async Task<CallResponse> BeginCallOut(CallOut callOut, bool machine)
    {
        var notice = await GrainFactory.GetGrain<INoticeGrain>(callOut.NoticeId).Get();
        if (notice is null || !notice.IsPublicAt(time.GetUtcNow()))
        {
            last = CallResponse.Goodbye(CallPrompt.Say(PhonePhrases.CallOutGone));
            return last;
        }

        var territoryGrain = GrainFactory.GetGrain<ITerritoryGrain>(notice.Territory);
        var profile = await territoryGrain.GetProfile();
        territory = notice.Territory;
        territoryName = profile?.Name ?? notice.Territory;
        lexicon = await NoticeReading.Lexicon(GrainFactory, notice.Territory);
        answeredAt = time.GetUtcNow();
        noticeIds = [notice.Id];
        ImmutableArray<CallPrompt> greeting = [CallPrompt.Say(PhonePhrases.CallOutGreeting(territoryName))];
        if (!machine)
        {
            last = await PresentCallOut(greeting);
            return last;
        }

        var now = time.GetUtcNow();
        last = CallResponse.Goodbye(
        [
            .. greeting,
            CallPrompt.Say(PhonePhrases.CallOutIntro(notice, now)),
            .. Reading(notice.AsOf(now), now),
            CallPrompt.Say(PhonePhrases.CallOutMachine),
        ]);
        return last;
    }

    /// <summary>The call-out's notice as it stands now, then its menu; gone since the call began, a goodbye.</summary>
    private async Task<CallResponse> PresentCallOut(ImmutableArray<CallPrompt> preamble)
    {
        var now = time.GetUtcNow();
        var notice = await GrainFactory.GetGrain<INoticeGrain>(noticeIds[0]).Get();
        if (notice is null || !notice.IsPublicAt(now))
        {
            return CallResponse.Goodbye([.. preamble, CallPrompt.Say(PhonePhrases.CallOutGone)]);
        }

        var at = notice.AsOf(now);
        return new CallResponse(
            preamble,
            [CallPrompt.Say(PhonePhrases.CallOutIntro(at, now)), .. Reading(at, now), CallPrompt.Say(PhonePhrases.CallOutMenu)],
            ++step);
    }

    /// <summary>Key 9 of a call-out: the subscription ends as by the manage page's link, its number deleted.</summary>
    private async Task<CallResponse> Unsubscribe(CallOut callOut)
    {
        var done = SubscriptionTokens.TryParse(callOut.ManageToken, out var id, out var tag)
            && await GrainFactory.GetGrain<ISubscriptionGrain>(id).Unsubscribe(tag);
        if (!done)
        {
            logger.LogWarning("Call-out {CallSid}: key 9 did not unsubscribe", CallSid);
        }

        return CallResponse.Goodbye(CallPrompt.Say(done ? PhonePhrases.CallOutUnsubscribed : PhonePhrases.CallOutNotUnsubscribed));
    }

    /// <summary>Whether key 5 is offered: a number to call (or a simulated call, to hear the line as it is), not subscribed in this call yet.</summary>
    private bool OfferCalls => !subscribed && (caller is not null || Simulated);

    /// <summary>Key 5: the caller confirms by a key press; a withheld number is told why it cannot be done.</summary>
    private CallResponse CallsMenu()
    {
        if (caller is null && !Simulated)
        {
            return Back([CallPrompt.Say(PhonePhrases.CallsWithheld)]);
        }

        callsMenu = true;
        return new CallResponse([], [CallPrompt.Say(PhonePhrases.CallsConfirm(territoryName))], ++step, CallResponse.LongWaitSeconds);
    }

    /// <summary>
    /// Subscribes the calling number for calls to the whole territory, drills included: the call is the consent, so
    /// no code is sent, and the subscription is active at once.
    /// </summary>
    private async Task<CallResponse> Subscribe()
    {
        if (Simulated || caller is null)
        {
            return Back([CallPrompt.Say(PhonePhrases.CallsSimulated)]);
        }

        var outcome = await GrainFactory.GetGrain<ISubscriptionDeskGrain>(0).SignUp(new SignUp(
            territory,
            SubscriberContact.Phone(SubscriptionChannel.Voice, caller),
            SubscriptionPreferences.Everything,
            baseUrl ?? new Uri("http://localhost/"),
            ConsentGiven: true));
        if (outcome.Id is null)
        {
            logger.LogWarning("Call {CallSid}: subscription by key 5 refused ({Errors})", CallSid, string.Join(", ", outcome.Errors.Keys));
            return Back([CallPrompt.Say(PhonePhrases.CallsRefused)]);
        }

        subscribed = true;
        return Back([CallPrompt.Say(PhonePhrases.CallsSubscribed)]);
    }

    /// <summary>After a side menu: the notices' menu where the caller stands, or the goodbye when there is no notice.</summary>
    private CallResponse Back(ImmutableArray<CallPrompt> preamble) => noticeIds.IsEmpty
        ? new CallResponse([.. preamble, CallPrompt.Say(PhonePhrases.Goodbye)], [], null)
        : new CallResponse(preamble, [MenuHere()], ++step, MenuWait());

    private CallResponse ReportMenu()
    {
        reportMenu = true;
        return new CallResponse([], [CallPrompt.Say(PhonePhrases.ReportMenu)], ++step);
    }

    /// <summary>
    /// A report by phone speaks for the whole territory (the caller is not asked for a commune); the call
    /// is its source, and the caller's number is never passed on.
    /// </summary>
    private async Task<CallResponse> Report(string? digits)
    {
        var kind = ReportVocabulary.OfDigit(digits);
        if (kind is null)
        {
            return Back([CallPrompt.Say(PhonePhrases.ReportCancelled)]);
        }

        if (Simulated)
        {
            return Back([CallPrompt.Say(PhonePhrases.ReportSimulated)]);
        }

        // Submit, not SubmitReport: during an upgrade the desk may still run on a silo of the previous release,
        // which has no SubmitReport. The release after this one may call it.
        var outcome = await GrainFactory.GetGrain<IReportDeskGrain>(territory).Submit(
            new ReportDraft(kind, null, null, null, "call:" + CallSid, ReportChannel.Phone), null);
        var preamble = ImmutableArray.CreateBuilder<CallPrompt>();
        preamble.Add(CallPrompt.Say(outcome.Accepted ? PhonePhrases.ReportThanks : PhonePhrases.ReportRefused));
        foreach (var explanation in outcome.Explanations.Take(2))
        {
            preamble.Add(CallPrompt.Say(lexicon.Apply(PhonePhrases.Explained(explanation.Title, explanation.SiteName))));
        }

        return Back(preamble.ToImmutable());
    }

    private async Task<CallResponse> Begin(string territory, string? opening)
    {
        var now = time.GetUtcNow();
        var territoryGrain = GrainFactory.GetGrain<ITerritoryGrain>(territory);
        var reading = territoryGrain.GetProfile();
        var listing = territoryGrain.GetPublicNotices();
        var pronouncing = NoticeReading.Lexicon(GrainFactory, territory);
        var profile = await reading;
        var notices = await listing;
        var lexicon = await pronouncing;

        this.territory = territory;
        territoryName = profile?.Name ?? territory;
        answeredAt = now;
        this.lexicon = lexicon;
        // In progress first, then ended, then planned (soonest first), as the greeting counts them.
        var heard = notices
            .OrderBy(n => n.Status switch { NoticeStatus.Active => 0, NoticeStatus.Ended => 1, _ => 2 })
            .ThenBy(n => n.Status == NoticeStatus.Scheduled ? n.StartsAt : DateTimeOffset.MinValue)
            .ToList();
        noticeIds = [.. heard.Select(n => n.Id)];

        var preamble = ImmutableArray.CreateBuilder<CallPrompt>();
        preamble.Add(CallPrompt.Say(opening ?? (string.IsNullOrWhiteSpace(profile?.Greeting)
            ? PhonePhrases.Greeting(profile?.Name ?? territory)
            : profile.Greeting)));

        if (noticeIds.IsEmpty)
        {
            preamble.Add(CallPrompt.Say(PhonePhrases.Nothing(now)));
            if (OfferCalls)
            {
                last = new CallResponse(preamble.ToImmutable(), [CallPrompt.Say(PhonePhrases.CallsOffer)], ++step);
                return last;
            }

            preamble.Add(CallPrompt.Say(PhonePhrases.Goodbye));
            last = new CallResponse(preamble.ToImmutable(), [], null);
            return last;
        }

        preamble.AddRange(CountsOf(heard));
        preamble.Add(CallPrompt.Say(noticeIds.Length == 1 ? PhonePhrases.KeyFirstOnly : PhonePhrases.KeysFirst));
        last = await Present(0, 1, preamble.ToImmutable());
        return last;
    }

    private static IEnumerable<CallPrompt> CountsOf(IReadOnlyCollection<NoticeSnapshot> notices) =>
        PhonePhrases.Count(
            notices.Count(n => n.Status == NoticeStatus.Active),
            notices.Count(n => n.Status == NoticeStatus.Ended),
            notices.Count(n => n.Status == NoticeStatus.Scheduled)).Select(CallPrompt.Say);

    /// <summary>The counts as they stand now, of the notices the call started with.</summary>
    private async Task<ImmutableArray<CallPrompt>> Counts()
    {
        var now = time.GetUtcNow();
        var notices = await Task.WhenAll(noticeIds.Select(id => GrainFactory.GetGrain<INoticeGrain>(id).Get()));
        return [.. CountsOf([.. notices.OfType<NoticeSnapshot>().Where(n => n.IsPublicAt(now)).Select(n => n.AsOf(now))])];
    }

    private bool AtFirst => position == 0;

    // Past the last notice, nothing comes next wherever the caller stands.
    private bool AtLast => position >= noticeIds.Length - 1 || endRepeats > 0;

    private CallPrompt MenuHere() => CallPrompt.Say(PhonePhrases.Menu(AtFirst, AtLast, OfferCalls));

    private int MenuWait() => AtLast ? CallResponse.LongWaitSeconds : CallResponse.ShortWaitSeconds;

    /// <summary>
    /// Presents the first notice still public from <paramref name="index"/> in <paramref name="direction"/>;
    /// going back past the first one comes forward again, going on past the last one says goodbye.
    /// </summary>
    private async Task<CallResponse> Present(int index, int direction, ImmutableArray<CallPrompt> preamble)
    {
        var now = time.GetUtcNow();
        var found = await FindPublic(index, direction, now);
        if (found is null && direction < 0)
        {
            found = await FindPublic(index + 1, 1, now);
        }

        if (found is not { } at)
        {
            return AfterTheLast(preamble);
        }

        position = at.Index;
        endRepeats = 0;
        if (!Simulated)
        {
            GrainFactory.GetGrain<INoticeListensGrain>(at.Notice.Id).Listened().Ignore();
        }

        ImmutableArray<CallPrompt> menu =
            [CallPrompt.Say(PhonePhrases.Position(at.Index, noticeIds.Length, at.Notice, now)), .. Reading(at.Notice, now), MenuHere()];
        return new CallResponse(preamble, menu, ++step, MenuWait());
    }

    /// <summary>The notice itself: its recording once synthesised, else its text said by the provider's voice.</summary>
    private IEnumerable<CallPrompt> Reading(NoticeSnapshot notice, DateTimeOffset now)
    {
        if (NoticeAudioUrl.IsCurrent(notice.Id, notice.Version, notice.AudioUrl))
        {
            yield return CallPrompt.Play(NoticeAudioUrl.Telephone(notice.Id, notice.Version));
            yield break;
        }

        // Each sentence is its own prompt: a long notice stays within the provider's limit per <Say>.
        var budget = MaxSpokenCharacters;
        foreach (var sentence in NoticeReading.Text(lexicon, notice, now).Split('\n'))
        {
            budget -= sentence.Length;
            if (budget < 0)
            {
                yield return CallPrompt.Say(PhonePhrases.ReadOnline);
                yield break;
            }

            yield return CallPrompt.Say(sentence);
        }
    }

    /// <summary>
    /// Past the last notice the caller is not cut off: the menu is said again, twice, with a long wait, and
    /// only then the goodbye. The caller stays on the last notice heard, so that 1 repeats it and 3 goes back.
    /// </summary>
    private CallResponse AfterTheLast(ImmutableArray<CallPrompt> preamble)
    {
        if (endRepeats >= EndMenuRepeats)
        {
            return new CallResponse([.. preamble, CallPrompt.Say(PhonePhrases.Goodbye)], [], null);
        }

        endRepeats++;
        var menu = endRepeats == 1
            ? ImmutableArray.Create(CallPrompt.Say(PhonePhrases.AllHeard), MenuHere())
            : [MenuHere()];
        return new CallResponse(preamble, menu, ++step, CallResponse.LongWaitSeconds);
    }

    private async Task<(int Index, NoticeSnapshot Notice)?> FindPublic(int index, int direction, DateTimeOffset now)
    {
        for (var i = index; i >= 0 && i < noticeIds.Length; i += direction)
        {
            var notice = await GrainFactory.GetGrain<INoticeGrain>(noticeIds[i]).Get();
            if (notice is not null && notice.IsPublicAt(now))
            {
                return (i, notice.AsOf(now));
            }
        }

        return null;
    }

    private Task CheckIdle(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - lastSeen < (ended ? EndedGrace : IdleTimeout))
        {
            return Task.CompletedTask;
        }

        if (!ended)
        {
            logger.LogWarning("Call {CallSid} had no webhook for {IdleTimeout}; ending it", CallSid, IdleTimeout);
            End(lastSeen - answeredAt);
        }

        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private void End(TimeSpan duration)
    {
        ended = true;

        // Only the activation that counted the call counts its end, so that ended calls never outnumber calls.
        if (counted)
        {
            GrainFactory.GetGrain<IPhoneLineStatsGrain>(territory).CallEnded(duration).Ignore();
            metrics.CallEnded(territory, duration);
        }
    }
}
