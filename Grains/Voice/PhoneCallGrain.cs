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

    private string _territory = "";
    private ImmutableArray<string> _noticeIds = [];
    private PronunciationLexicon _lexicon = PronunciationLexicon.Default;
    private int _position;
    private int _endRepeats;
    private int _step;
    private CallResponse? _last;
    private bool _ended;
    private bool _counted;
    private bool _reportMenu;
    private bool _callsMenu;
    private bool _subscribed;
    private string? _caller;
    private Uri? _baseUrl;
    private string _territoryName = "";
    private DateTimeOffset _answeredAt;
    private DateTimeOffset _lastSeen;

    private string CallSid => this.GetPrimaryKeyString();

    private bool Simulated => CallSid.StartsWith(IPhoneCallGrain.SimulatedPrefix, StringComparison.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _lastSeen = time.GetUtcNow();
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
        _lastSeen = time.GetUtcNow();
        if (_ended)
        {
            return CallResponse.Goodbye(CallPrompt.Say(PhonePhrases.Goodbye));
        }

        // A retried incoming webhook: same answer, the call is not counted twice.
        if (_last is not null)
        {
            return _last;
        }

        _caller = CallerNumber.Callable(caller);
        _baseUrl = baseUrl;
        if (!Simulated)
        {
            GrainFactory.GetGrain<IPhoneLineStatsGrain>(territory).CallAnswered().Ignore();
            metrics.CallAnswered(territory);
            _counted = true;
        }

        return await Begin(territory, null);
    }

    public async Task<CallResponse> Choose(string territory, int step, string? digits)
    {
        _lastSeen = time.GetUtcNow();
        if (_ended)
        {
            return CallResponse.Goodbye(CallPrompt.Say(PhonePhrases.Goodbye));
        }

        if (_last is null)
        {
            logger.LogWarning("Call {CallSid} was not known at step {Step}; starting over", CallSid, step);
            return await Begin(territory, PhonePhrases.Resume);
        }

        // A retried or late webhook for an earlier step, or a step never handed out: repeat, change nothing.
        if (step != _step)
        {
            return _last;
        }

        if (_reportMenu)
        {
            _reportMenu = false;
            _last = await Report(digits);
            return _last;
        }

        if (_callsMenu)
        {
            _callsMenu = false;
            _last = digits == "1" ? await Subscribe() : Back([CallPrompt.Say(PhonePhrases.CallsCancelled)]);
            return _last;
        }

        if (_noticeIds.IsEmpty)
        {
            // Nothing going on: the one key offered is 5; anything else ends the call.
            _last = digits == "5" ? CallsMenu() : CallResponse.Goodbye(CallPrompt.Say(PhonePhrases.Goodbye));
            return _last;
        }

        _last = digits switch
        {
            null or "" or "2" => await Present(_position + 1, 1, []),
            "1" => await Present(_position, 1, []),
            "3" => await Present(_position - 1, -1, []),
            "0" => await Present(0, 1, [CallPrompt.Say(PhonePhrases.BackToStart), .. await Counts()]),
            "4" => ReportMenu(),
            "5" when !_subscribed => CallsMenu(),
            _ => Back([CallPrompt.Say(PhonePhrases.UnknownChoice)]),
        };
        return _last;
    }

    public async Task<CallResponse> AnswerCallOut(CallOut callOut, bool machine)
    {
        _lastSeen = time.GetUtcNow();
        if (_ended)
        {
            return CallResponse.Goodbye(CallPrompt.Say(PhonePhrases.Goodbye));
        }

        return _last ?? await BeginCallOut(callOut, machine);
    }

    public async Task<CallResponse> ChooseCallOut(CallOut callOut, int step, string? digits)
    {
        _lastSeen = time.GetUtcNow();
        if (_ended)
        {
            return CallResponse.Goodbye(CallPrompt.Say(PhonePhrases.Goodbye));
        }

        if (_last is null)
        {
            logger.LogWarning("Call-out {CallSid} was not known at step {Step}; starting over", CallSid, step);
            return await BeginCallOut(callOut, false);
        }

        if (step != _step)
        {
            return _last;
        }

        _last = digits switch
        {
            "1" => await PresentCallOut([]),
            "9" => await Unsubscribe(callOut),
            null or "" => CallResponse.Goodbye(CallPrompt.Say(PhonePhrases.Goodbye)),
            _ => new CallResponse([CallPrompt.Say(PhonePhrases.UnknownChoice)], [CallPrompt.Say(PhonePhrases.CallOutMenu)], ++_step),
        };
        return _last;
    }

    public Task StatusChanged(string callStatus, TimeSpan? duration)
    {
        _lastSeen = time.GetUtcNow();
        if (!FinalStatuses.Contains(callStatus) || _ended)
        {
            return Task.CompletedTask;
        }

        End(duration ?? _lastSeen - _answeredAt);
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
            _last = CallResponse.Goodbye(CallPrompt.Say(PhonePhrases.CallOutGone));
            return _last;
        }

        var territoryGrain = GrainFactory.GetGrain<ITerritoryGrain>(notice.Territory);
        var profile = await territoryGrain.GetProfile();
        _territory = notice.Territory;
        _territoryName = profile?.Name ?? notice.Territory;
        _lexicon = await NoticeReading.Lexicon(GrainFactory, notice.Territory);
        _answeredAt = time.GetUtcNow();
        _noticeIds = [notice.Id];
        ImmutableArray<CallPrompt> greeting = [CallPrompt.Say(PhonePhrases.CallOutGreeting(_territoryName))];
        if (!machine)
        {
            _last = await PresentCallOut(greeting);
            return _last;
        }

        var now = time.GetUtcNow();
        _last = CallResponse.Goodbye(
        [
            .. greeting,
            CallPrompt.Say(PhonePhrases.CallOutIntro(notice, now)),
            .. Reading(notice.AsOf(now), now),
            CallPrompt.Say(PhonePhrases.CallOutMachine),
        ]);
        return _last;
    }

    /// <summary>The call-out's notice as it stands now, then its menu; gone since the call began, a goodbye.</summary>
    private async Task<CallResponse> PresentCallOut(ImmutableArray<CallPrompt> preamble)
    {
        var now = time.GetUtcNow();
        var notice = await GrainFactory.GetGrain<INoticeGrain>(_noticeIds[0]).Get();
        if (notice is null || !notice.IsPublicAt(now))
        {
            return CallResponse.Goodbye([.. preamble, CallPrompt.Say(PhonePhrases.CallOutGone)]);
        }

        var at = notice.AsOf(now);
        return new CallResponse(
            preamble,
            [CallPrompt.Say(PhonePhrases.CallOutIntro(at, now)), .. Reading(at, now), CallPrompt.Say(PhonePhrases.CallOutMenu)],
            ++_step);
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
    private bool OfferCalls => !_subscribed && (_caller is not null || Simulated);

    /// <summary>Key 5: the caller confirms by a key press; a withheld number is told why it cannot be done.</summary>
    private CallResponse CallsMenu()
    {
        if (_caller is null && !Simulated)
        {
            return Back([CallPrompt.Say(PhonePhrases.CallsWithheld)]);
        }

        _callsMenu = true;
        return new CallResponse([], [CallPrompt.Say(PhonePhrases.CallsConfirm(_territoryName))], ++_step, CallResponse.LongWaitSeconds);
    }

    /// <summary>
    /// Subscribes the calling number for calls to the whole territory, drills included: the call is the consent, so
    /// no code is sent, and the subscription is active at once.
    /// </summary>
    private async Task<CallResponse> Subscribe()
    {
        if (Simulated || _caller is null)
        {
            return Back([CallPrompt.Say(PhonePhrases.CallsSimulated)]);
        }

        var outcome = await GrainFactory.GetGrain<ISubscriptionDeskGrain>(0).SignUp(new SignUp(
            _territory,
            SubscriberContact.Phone(SubscriptionChannel.Voice, _caller),
            SubscriptionPreferences.Everything,
            _baseUrl ?? new Uri("http://localhost/"),
            ConsentGiven: true));
        if (outcome.Id is null)
        {
            logger.LogWarning("Call {CallSid}: subscription by key 5 refused ({Errors})", CallSid, string.Join(", ", outcome.Errors.Keys));
            return Back([CallPrompt.Say(PhonePhrases.CallsRefused)]);
        }

        _subscribed = true;
        return Back([CallPrompt.Say(PhonePhrases.CallsSubscribed)]);
    }

    /// <summary>After a side menu: the notices' menu where the caller stands, or the goodbye when there is no notice.</summary>
    private CallResponse Back(ImmutableArray<CallPrompt> preamble) => _noticeIds.IsEmpty
        ? new CallResponse([.. preamble, CallPrompt.Say(PhonePhrases.Goodbye)], [], null)
        : new CallResponse(preamble, [MenuHere()], ++_step, MenuWait());

    private CallResponse ReportMenu()
    {
        _reportMenu = true;
        return new CallResponse([], [CallPrompt.Say(PhonePhrases.ReportMenu)], ++_step);
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

        var outcome = await GrainFactory.GetGrain<IReportDeskGrain>(_territory).Submit(
            new ReportDraft(kind, null, null, null, "call:" + CallSid, ReportChannel.Phone), null);
        var preamble = ImmutableArray.CreateBuilder<CallPrompt>();
        preamble.Add(CallPrompt.Say(outcome.Accepted ? PhonePhrases.ReportThanks : PhonePhrases.ReportRefused));
        foreach (var explanation in outcome.Explanations.Take(2))
        {
            preamble.Add(CallPrompt.Say(_lexicon.Apply(PhonePhrases.Explained(explanation.Title, explanation.SiteName))));
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

        _territory = territory;
        _territoryName = profile?.Name ?? territory;
        _answeredAt = now;
        _lexicon = lexicon;
        // In progress first, then ended, then planned (soonest first), as the greeting counts them.
        var heard = notices
            .OrderBy(n => n.Status switch { NoticeStatus.Active => 0, NoticeStatus.Ended => 1, _ => 2 })
            .ThenBy(n => n.Status == NoticeStatus.Scheduled ? n.StartsAt : DateTimeOffset.MinValue)
            .ToList();
        _noticeIds = [.. heard.Select(n => n.Id)];

        var preamble = ImmutableArray.CreateBuilder<CallPrompt>();
        preamble.Add(CallPrompt.Say(opening ?? (string.IsNullOrWhiteSpace(profile?.Greeting)
            ? PhonePhrases.Greeting(profile?.Name ?? territory)
            : profile.Greeting)));

        if (_noticeIds.IsEmpty)
        {
            preamble.Add(CallPrompt.Say(PhonePhrases.Nothing(now)));
            if (OfferCalls)
            {
                _last = new CallResponse(preamble.ToImmutable(), [CallPrompt.Say(PhonePhrases.CallsOffer)], ++_step);
                return _last;
            }

            preamble.Add(CallPrompt.Say(PhonePhrases.Goodbye));
            _last = new CallResponse(preamble.ToImmutable(), [], null);
            return _last;
        }

        preamble.AddRange(CountsOf(heard));
        preamble.Add(CallPrompt.Say(_noticeIds.Length == 1 ? PhonePhrases.KeyFirstOnly : PhonePhrases.KeysFirst));
        _last = await Present(0, 1, preamble.ToImmutable());
        return _last;
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
        var notices = await Task.WhenAll(_noticeIds.Select(id => GrainFactory.GetGrain<INoticeGrain>(id).Get()));
        return [.. CountsOf([.. notices.OfType<NoticeSnapshot>().Where(n => n.IsPublicAt(now)).Select(n => n.AsOf(now))])];
    }

    private bool AtFirst => _position == 0;

    // Past the last notice, nothing comes next wherever the caller stands.
    private bool AtLast => _position >= _noticeIds.Length - 1 || _endRepeats > 0;

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

        _position = at.Index;
        _endRepeats = 0;
        if (!Simulated)
        {
            GrainFactory.GetGrain<INoticeListensGrain>(at.Notice.Id).Listened().Ignore();
        }

        ImmutableArray<CallPrompt> menu =
            [CallPrompt.Say(PhonePhrases.Position(at.Index, _noticeIds.Length, at.Notice, now)), .. Reading(at.Notice, now), MenuHere()];
        return new CallResponse(preamble, menu, ++_step, MenuWait());
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
        foreach (var sentence in NoticeReading.Text(_lexicon, notice, now).Split('\n'))
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
        if (_endRepeats >= EndMenuRepeats)
        {
            return new CallResponse([.. preamble, CallPrompt.Say(PhonePhrases.Goodbye)], [], null);
        }

        _endRepeats++;
        var menu = _endRepeats == 1
            ? ImmutableArray.Create(CallPrompt.Say(PhonePhrases.AllHeard), MenuHere())
            : [MenuHere()];
        return new CallResponse(preamble, menu, ++_step, CallResponse.LongWaitSeconds);
    }

    private async Task<(int Index, NoticeSnapshot Notice)?> FindPublic(int index, int direction, DateTimeOffset now)
    {
        for (var i = index; i >= 0 && i < _noticeIds.Length; i += direction)
        {
            var notice = await GrainFactory.GetGrain<INoticeGrain>(_noticeIds[i]).Get();
            if (notice is not null && notice.IsPublicAt(now))
            {
                return (i, notice.AsOf(now));
            }
        }

        return null;
    }

    private Task CheckIdle(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _lastSeen < (_ended ? EndedGrace : IdleTimeout))
        {
            return Task.CompletedTask;
        }

        if (!_ended)
        {
            logger.LogWarning("Call {CallSid} had no webhook for {IdleTimeout}; ending it", CallSid, IdleTimeout);
            End(_lastSeen - _answeredAt);
        }

        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private void End(TimeSpan duration)
    {
        _ended = true;

        // Only the activation that counted the call counts its end, so that ended calls never outnumber calls.
        if (_counted)
        {
            GrainFactory.GetGrain<IPhoneLineStatsGrain>(_territory).CallEnded(duration).Ignore();
            metrics.CallEnded(_territory, duration);
        }
    }
}
