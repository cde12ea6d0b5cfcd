using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.Tests.Dashboard;
using AlloIndustrie.Tests.Telephony;
using AlloIndustrie.WebFront.Voice;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace AlloIndustrie.Tests.Voice;

/// <summary>
/// The phone line through real HTTP against the real processes: Twilio's webhooks, signed as Twilio signs
/// them for the public URL, and the notices' audio synthesised by the real espeak-ng.
/// </summary>
public sealed class PhoneLineTests(PhoneLineFixture fixture) : IClassFixture<PhoneLineFixture>
{
    private const string Rouen = "rouen-metropole";
    private const string RouenNumber = "+33805760001";
    private const string LeHavre = "le-havre-seine";
    private const string LeHavreNumber = "+33805760002";
    private const string Refinery = "raffinerie-petit-couronne";
    private const string Chemicals = "chimie-grand-quevilly";
    private const string Public = PhoneLineFixture.PublicBaseUrl;

    private TwilioWebhooks Twilio => fixture.Twilio;

    [Fact]
    public async Task A_call_walks_through_the_notices_as_they_stood_when_it_started()
    {
        var stats = fixture.Grains.GetGrain<IPhoneLineStatsGrain>(Rouen);
        var before = await stats.Get();

        // Newest first on the line: expiring (oldest), withdrawn, ended, then the newest.
        var expiring = await Publish(Refinery, "Odeur d’hydrocarbures", "PT40S");
        var withdrawn = await Publish(Chemicals, "Fumée blanche", null);
        var ended = await Publish(Refinery, "Torchage", null);
        var newest = await Publish(Chemicals, "Essai de sirène", null);
        var audio = new Dictionary<string, string>();
        foreach (var id in new[] { expiring, withdrawn, ended, newest })
        {
            audio[id] = await AudioUrl(id);
        }

        var call = TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), RouenNumber);
        var answer = await Twilio.Post("/voice/incoming", call);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("text/xml", answer.MediaType);
        Assert.Equal(
            ["Bienvenue sur AlloIndustrie Rouen Métropole, l’information des riverains des sites industriels.",
             "Il y a en ce moment 4 événements en cours.",
             "À tout moment, tapez 1 pour réécouter, 2 pour passer au suivant."],
            answer.Preamble);
        AssertPresents(answer, 1, Public + Telephone(audio[newest]), step: 1);
        Assert.Equal(answer.Action, answer.Twiml.Element("Redirect")?.Value);

        // Twilio retries the incoming webhook: the same answer, and no second call counted.
        Assert.Equal(answer.Body, (await Twilio.Post("/voice/incoming", call)).Body);

        await Operate(ended, "end", new { message = "Fin du torchage." });
        await Operate(withdrawn, "withdraw", new { reason = "Notice publiée par erreur." });
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Service.Http.GetAsync(audio[withdrawn].TrimStart('/'))).StatusCode);

        // 2: next — the ended notice, read with its new text (played once synthesised, said until then).
        answer = await Twilio.Follow(answer.Action!, call, "2");
        AssertPresents(answer, 2, null, step: 2);
        Assert.True(
            answer.Plays.SequenceEqual([$"{Public}/audio/{ended}/2.wav"]) || answer.MenuSays.Any(s => s.StartsWith("Terminé le ", StringComparison.Ordinal)),
            answer.Body);

        // 1: repeat.
        var repeatAction = answer.Action!;
        answer = await Twilio.Follow(repeatAction, call, "1");
        AssertPresents(answer, 2, null, step: 3);

        // The same key retried, or arriving late: the same answer again, nothing moves.
        Assert.Equal(answer.Body, (await Twilio.Follow(repeatAction, call, "1")).Body);

        // 3: previous.
        answer = await Twilio.Follow(answer.Action!, call, "3");
        AssertPresents(answer, 1, Public + Telephone(audio[newest]), step: 4);
        Assert.Empty(answer.Preamble);

        // 0: back to the start, with the count as it now stands: one ended, one withdrawn.
        answer = await Twilio.Follow(answer.Action!, call, "0");
        Assert.Equal(["Retour au début.", "Il y a en ce moment 2 événements en cours.", "Un événement est terminé depuis peu."], answer.Preamble);
        AssertPresents(answer, 1, Public + Telephone(audio[newest]), step: 5);

        // A key outside the menu: the menu again, nobody moves.
        answer = await Twilio.Follow(answer.Action!, call, "9");
        Assert.Equal(["Ce choix n’existe pas."], answer.Preamble);
        Assert.Equal($"{Public}/voice/menu?step=6", answer.Action);
        Assert.Empty(answer.Plays);
        Assert.Single(answer.MenuSays);

        // No key: Twilio follows the redirect, without digits, and the call moves on.
        answer = await Twilio.Follow(answer.Twiml.Element("Redirect")!.Value, call, null);
        AssertPresents(answer, 2, null, step: 7);

        // The oldest notice expires during the call; the withdrawn one is gone too: both are skipped.
        await WaitUntil(async () => (await fixture.Service.Http.GetAsync($"api/v1/notices/{expiring}")).StatusCode == HttpStatusCode.NotFound,
            "the notice to expire");
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Service.Http.GetAsync(audio[expiring].TrimStart('/'))).StatusCode);
        // Past the last one, the menu is said twice more, with a long wait, before the goodbye.
        answer = await Twilio.Follow(answer.Action!, call, "2");
        Assert.Empty(answer.Preamble);
        Assert.Equal("Vous avez entendu tous les événements.", answer.MenuSays.First());
        Assert.DoesNotContain("tapez 2", answer.MenuSays.Last());
        Assert.Equal(CallResponse.LongWaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Gather!.Attribute("timeout")?.Value);
        answer = await Twilio.Follow(answer.Twiml.Element("Redirect")!.Value, call, null);
        Assert.StartsWith("Pour réécouter cet événement, tapez 1.", Assert.Single(answer.MenuSays));
        Assert.Equal(CallResponse.LongWaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Gather!.Attribute("timeout")?.Value);
        answer = await Twilio.Follow(answer.Twiml.Element("Redirect")!.Value, call, null);
        Assert.Equal(["Merci de votre appel. Au revoir."], answer.Preamble);
        Assert.Null(answer.Gather);
        Assert.True(answer.HangsUp);

        // Twilio's status callback, then its retry.
        var status = new Dictionary<string, string>(call) { ["CallStatus"] = "completed", ["CallDuration"] = "95" };
        Assert.Equal(HttpStatusCode.NoContent, (await Twilio.Post("/voice/status", status)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Twilio.Post("/voice/status", status)).Status);

        // Listens: the newest at the start, after 3 and after 0; the ended one after 2, 1 and no key.
        await WaitUntil(async () =>
            await Listens(newest) == 3 && await Listens(ended) == 3 && (await stats.Get()).EndedCalls == before.EndedCalls + 1,
            "the counters");

        // A second call, answered (it hears the newest first) and ended after all that: once its end is counted,
        // whatever the retries and late webhooks above sent before it has been counted too.
        var later = TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), RouenNumber);
        Assert.Equal(HttpStatusCode.OK, (await Twilio.Post("/voice/incoming", later)).Status);
        var laterStatus = new Dictionary<string, string>(later) { ["CallStatus"] = "completed", ["CallDuration"] = "1" };
        Assert.Equal(HttpStatusCode.NoContent, (await Twilio.Post("/voice/status", laterStatus)).Status);
        var total = before.TotalDuration + TimeSpan.FromSeconds(95 + 1);
        await WaitUntil(async () => (await stats.Get()).TotalDuration == total && await Listens(newest) == 4, "the later call's counters");
        Assert.Equal(3, await Listens(ended));
        Assert.Equal(0, await Listens(withdrawn));
        Assert.Equal(0, await Listens(expiring));
        Assert.Equal(new PhoneLineStats(before.Calls + 2, before.EndedCalls + 2, total), await stats.Get());
    }

    [Fact]
    public async Task Audio_is_served_as_an_immutable_mp3_per_version()
    {
        // Withdrawn at the end, so that the call of the other test counts only its own notices.
        var id = await Publish(Refinery, "Vapeur d’eau", null);
        try
        {
            await AudioIsServed(id);
        }
        finally
        {
            await Operate(id, "withdraw", new { reason = "Erreur." });
        }
    }

    private async Task AudioIsServed(string id)
    {
        var url = await AudioUrl(id);
        Assert.Equal($"/audio/{id}/1.mp3", url);

        var response = await fixture.Service.Http.GetAsync(url.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        var mp3 = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(mp3.Length, response.Content.Headers.ContentLength);
        Assert.True(response.Headers.CacheControl is { Public: true, MaxAge.TotalDays: > 8 and <= 9 }, response.Headers.CacheControl?.ToString());
        Assert.Contains("immutable", response.Headers.CacheControl!.Extensions.Select(e => e.Name));
        var etag = response.Headers.ETag ?? throw new InvalidOperationException("No ETag.");
        var (seconds, rate, channels) = await AudioProbe.Measure(mp3);
        Assert.InRange(seconds, 8, 60);
        Assert.Equal((16000, 1), (rate, channels));

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url.TrimStart('/'));
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await fixture.Service.Http.SendAsync(conditional)).StatusCode);

        // The phone's rendition of the same speech: 8 kHz µ-law WAV, as long, cached the same way.
        var wavUrl = Telephone(url).TrimStart('/');
        var wavResponse = await fixture.Service.Http.GetAsync(wavUrl);
        Assert.Equal(HttpStatusCode.OK, wavResponse.StatusCode);
        Assert.Equal("audio/wav", wavResponse.Content.Headers.ContentType?.MediaType);
        var wav = await wavResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(wav.Length, wavResponse.Content.Headers.ContentLength);
        Assert.True(wavResponse.Headers.CacheControl is { Public: true, MaxAge.TotalDays: > 8 and <= 9 }, wavResponse.Headers.CacheControl?.ToString());
        Assert.Contains("immutable", wavResponse.Headers.CacheControl!.Extensions.Select(e => e.Name));
        var wavTag = wavResponse.Headers.ETag ?? throw new InvalidOperationException("No ETag on the WAV.");
        Assert.NotEqual(etag, wavTag);
        var (wavSeconds, wavRate, wavChannels, encoding) = await AudioProbe.MeasureWithEncoding(wav, "wav");
        Assert.Equal((8000, 1, "u-law"), (wavRate, wavChannels, encoding));
        Assert.InRange(wavSeconds, seconds - 0.3, seconds + 0.3);
        using var conditionalWav = new HttpRequestMessage(HttpMethod.Get, wavUrl);
        conditionalWav.Headers.IfNoneMatch.Add(wavTag);
        Assert.Equal(HttpStatusCode.NotModified, (await fixture.Service.Http.SendAsync(conditionalWav)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Service.Http.GetAsync($"audio/{id}/2.wav")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Service.Http.GetAsync($"audio/{id}/2.mp3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Service.Http.GetAsync("audio/no-such-notice/1.mp3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Service.Http.GetAsync("audio/no%20such%20notice/1.mp3")).StatusCode);

        // A new version gets its own recording; the first one stays as it was.
        await Operate(id, "updates", new { message = "La vapeur se dissipe." });
        await WaitUntil(async () => await AudioUrlOrNull(id) == $"/audio/{id}/2.mp3", "the second version's audio");
        Assert.Equal(mp3, await fixture.Service.Http.GetByteArrayAsync(url.TrimStart('/')));
        Assert.NotEqual(mp3, await fixture.Service.Http.GetByteArrayAsync($"audio/{id}/2.mp3"));
    }

    [Fact]
    public async Task A_bad_or_missing_signature_gets_403_and_records_nothing()
    {
        var stats = fixture.Grains.GetGrain<IPhoneLineStatsGrain>(LeHavre);
        var before = await stats.Get();
        var call = TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), LeHavreNumber);
        var signedForLoopback = WebFront.Voice.TwilioSignature.Compute(
            fixture.Service.BaseAddress + "voice/incoming", call, PhoneLineFixture.AuthToken);

        foreach (var answer in new[]
        {
            await Twilio.Post("/voice/incoming", call, sign: false),
            await Twilio.Post("/voice/incoming", call, signature: "RSOYDt4T1cUTdK1PDd93/VVr8B8="),
            await Twilio.Post("/voice/incoming", call, signature: signedForLoopback),
            await Twilio.Post("/voice/menu?step=1", call, signature: "bad"),
            await Twilio.Post("/voice/status", call, sign: false),
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
            Assert.Empty(answer.Body);
        }

        // The same call properly signed is answered as a new call: nothing was recorded before.
        var accepted = await Twilio.Post("/voice/incoming", call);
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        await WaitUntil(async () => (await stats.Get()).Calls == before.Calls + 1, "the call to be counted");
        Assert.Equal(before.Calls + 1, (await stats.Get()).Calls);
    }

    [Fact]
    public async Task An_unsigned_webhook_of_more_than_16_kb_is_refused_before_being_read()
    {
        var call = new Dictionary<string, string>(TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), LeHavreNumber))
        {
            ["Padding"] = new string('x', 200 * 1024),
        };
        using var declared = new FormUrlEncodedContent(call);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await fixture.Service.Http.PostAsync("voice/incoming", declared)).StatusCode);

        // Without a length announced, the node stops reading at the limit.
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "voice/menu?step=1") { Content = new FormUrlEncodedContent(call) };
        chunked.Headers.TransferEncodingChunked = true;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await fixture.Service.Http.SendAsync(chunked)).StatusCode);

        // A webhook of Twilio's own size is still read and checked.
        Assert.Equal(HttpStatusCode.Forbidden, (await Twilio.Post("/voice/incoming", TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), LeHavreNumber), sign: false)).Status);
    }

    [Fact]
    public async Task With_no_notice_the_line_gives_the_date_offers_calls_and_hangs_up()
    {
        var call = TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), "+33 8 05 76 00 02");
        var answer = await Twilio.Post("/voice/incoming", call);

        var says = answer.Preamble.ToArray();
        Assert.Equal(2, says.Length);
        Assert.StartsWith("Bienvenue sur AlloIndustrie Le Havre Seine", says[0]);
        Assert.Matches(@"^Aucun événement en cours, ce \w+ \d+(er)? \w+ à (\d+ heures?( \d+)?|midi|minuit)\.$", says[1]);
        Assert.Equal(["Pour être appelé à chaque nouvel événement, tapez 5."], answer.MenuSays);

        // No key: the goodbye.
        answer = await Twilio.Follow(answer.Twiml.Element("Redirect")!.Value, call, null);
        Assert.Equal(["Merci de votre appel. Au revoir."], answer.Preamble);
        Assert.True(answer.HangsUp);

        // A withheld number is offered nothing it cannot have: the date, then the goodbye.
        var withheld = TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), LeHavreNumber);
        withheld["From"] = withheld["Caller"] = "anonymous";
        answer = await Twilio.Post("/voice/incoming", withheld);
        Assert.Equal(3, answer.Preamble.Count());
        Assert.Equal("Merci de votre appel. Au revoir.", answer.Preamble.Last());
        Assert.True(answer.HangsUp);
    }

    [Fact]
    public async Task Key_5_subscribes_the_calling_number_for_calls_once_the_caller_confirms()
    {
        var id = await Publish(Refinery, "Torchage de nuit", null);
        try
        {
            var index = fixture.Grains.GetGrain<ISubscriptionIndexGrain>(Rouen);
            var before = await VoiceSubscriptions(index);
            var number = "+3323" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

            // Key 5 comes after 4 and before 0, said only where it makes sense; 0 cancels and nothing is stored.
            var call = Caller(number);
            var answer = await Twilio.Post("/voice/incoming", call);
            Assert.Equal([1, 4, 5], Keys(answer.MenuSays.Last()));
            answer = await Twilio.Follow(answer.Action!, call, "5");
            Assert.Empty(answer.Preamble);
            Assert.Equal(
                ["Vous serez appelé à ce numéro à chaque nouvel événement du territoire Rouen Métropole, exercices compris. " +
                 "La nuit, de 22 heures à 7 heures, seuls les événements en cours vous seront annoncés. " +
                 "Pour confirmer, tapez 1. Pour annuler, tapez 0."],
                answer.MenuSays);
            answer = await Twilio.Follow(answer.Action!, call, "0");
            Assert.Equal(["Inscription annulée."], answer.Preamble);
            Assert.Equal([1, 4, 5], Keys(answer.MenuSays.Last()));
            Assert.Equal(before, await VoiceSubscriptions(index));

            // 5 then 1: subscribed at once (the call is the consent), told how to stop, and 5 is no longer offered.
            answer = await Twilio.Follow(answer.Action!, call, "5");
            var confirming = answer.Action!;
            answer = await Twilio.Follow(confirming, call, "1");
            Assert.Equal(
                ["C’est noté : vous serez appelé à chaque nouvel événement. Pour ne plus être appelé, tapez 9 pendant l’un de ces appels."],
                answer.Preamble);
            Assert.Equal([1, 4], Keys(answer.MenuSays.Last()));
            Assert.Equal(answer.Body, (await Twilio.Follow(confirming, call, "1")).Body);
            await WaitUntil(async () => await VoiceSubscriptions(index) == before + 1, "the subscription to be indexed");
            answer = await Twilio.Follow(answer.Action!, call, "5");
            Assert.Equal(["Ce choix n’existe pas."], answer.Preamble);

            // The same number calling again and confirming again is still one subscription.
            var again = Caller(number);
            answer = await Twilio.Post("/voice/incoming", again);
            answer = await Twilio.Follow(answer.Action!, again, "5");
            answer = await Twilio.Follow(answer.Action!, again, "1");
            Assert.StartsWith("C’est noté", Assert.Single(answer.Preamble));
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Equal(before + 1, await VoiceSubscriptions(index));

            // A withheld number is not offered the key, and told why if it presses it.
            var withheld = Caller("+266696687");
            answer = await Twilio.Post("/voice/incoming", withheld);
            Assert.Equal([1, 4], Keys(answer.MenuSays.Last()));
            answer = await Twilio.Follow(answer.Action!, withheld, "5");
            Assert.Equal(
                ["Votre numéro est masqué : nous ne pouvons pas vous appeler. " +
                 "Pour être appelé, rappelez sans masquer votre numéro, ou inscrivez-vous sur le site internet d’AlloIndustrie."],
                answer.Preamble);
            Assert.Equal([1, 4], Keys(answer.MenuSays.Last()));
            Assert.Equal(before + 1, await VoiceSubscriptions(index));
        }
        finally
        {
            await Operate(id, "withdraw", new { reason = "Fin de l’essai." });
        }
    }

    [Fact]
    public async Task A_subscriber_is_called_hears_the_notice_and_key_9_unsubscribes()
    {
        var index = fixture.Grains.GetGrain<ISubscriptionIndexGrain>(Rouen);
        var before = await VoiceSubscriptions(index);
        var leaving = await SubscribeByKey5();
        var staying = await SubscribeByKey5();
        await WaitUntil(async () => await VoiceSubscriptions(index) == before + 2, "both subscriptions to be indexed");

        var id = await Publish(Refinery, "Panache de vapeur", null);
        var second = "";
        try
        {
            // The call comes from the territory's number, names our TwiML and status callback, and asks Twilio to
            // tell an answering machine from a person.
            var placed = await CallTo(leaving);
            Assert.Equal(RouenNumber, placed.From);
            Assert.StartsWith($"{Public}/voice/callout?t=", placed.Url, StringComparison.Ordinal);
            Assert.EndsWith($"&n={id}&v=1", placed.Url, StringComparison.Ordinal);
            Assert.Equal(placed.Url.Replace("/voice/callout?", "/voice/callout/status?", StringComparison.Ordinal), placed.StatusCallback);
            Assert.Equal(["DetectMessageEnd"], placed.Parameters["MachineDetection"]);

            // Unsigned, or signed with another token: 403 and no TwiML.
            var call = CallOut(placed, "human");
            var path = placed.Url[Public.Length..];
            Assert.Equal(HttpStatusCode.Forbidden, (await Twilio.Post(path, call, sign: false)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await Twilio.Post(path, call, signature: TwilioSignature.Compute(placed.Url, call, "un-autre-jeton"))).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await Twilio.Post(placed.StatusCallback[Public.Length..], call, sign: false)).Status);

            // Answered by a person: the greeting, the notice, and the call-out's two keys.
            var answer = await Twilio.Post(path, call);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal(["Bonjour. Ici AlloIndustrie, l’information des riverains des sites industriels du territoire Rouen Métropole."], answer.Preamble);
            Assert.Equal("Un événement est en cours :", answer.MenuSays.First());
            Assert.Equal("Pour réécouter ce message, tapez 1. Pour ne plus être appelé, tapez 9.", answer.MenuSays.Last());
            Assert.True(answer.Plays.Any() || answer.MenuSays.Any(s => s.Contains("Panache de vapeur", StringComparison.Ordinal)), answer.Body);
            Assert.Equal($"{Public}/voice/callout/menu{placed.Url[placed.Url.IndexOf('?', StringComparison.Ordinal)..]}&step=1", answer.Action);

            // 1 repeats; 9 unsubscribes, then the goodbye.
            answer = await Twilio.Follow(answer.Action!, call, "1");
            Assert.Empty(answer.Preamble);
            Assert.Equal("Un événement est en cours :", answer.MenuSays.First());
            Assert.EndsWith("&step=2", answer.Action, StringComparison.Ordinal);
            answer = await Twilio.Follow(answer.Action!, call, "9");
            Assert.Equal(["C’est fait : vous ne serez plus appelé. Merci, au revoir."], answer.Preamble);
            Assert.True(answer.HangsUp);
            Assert.Equal(before + 1, await VoiceSubscriptions(index));
            var completed = new Dictionary<string, string>(call) { ["CallStatus"] = "completed", ["CallDuration"] = "41" };
            Assert.Equal(HttpStatusCode.NoContent, (await Twilio.Post(placed.StatusCallback[Public.Length..], completed)).Status);

            // An answering machine gets the message once, without a menu.
            var other = await CallTo(staying);
            var machine = await Twilio.Post(other.Url[Public.Length..], CallOut(other, "machine_end_beep"));
            Assert.Null(machine.Gather);
            Assert.Equal("Un événement est en cours :", machine.Preamble.ElementAt(1));
            Assert.Equal("Ce message vous a été laissé par AlloIndustrie. Pour ne plus être appelé, tapez 9 pendant l’un de nos appels. Au revoir.", machine.Preamble.Last());
            Assert.True(machine.HangsUp);

            // The next notice calls the one still subscribed, and not the one who pressed 9 (one delivery pass for both).
            second = await Publish(Chemicals, "Odeur de gaz", null);
            await CallTo(staying, second);
            Assert.DoesNotContain(fixture.TwilioApi.Calls, c => c.To == leaving && c.Url.Contains(second, StringComparison.Ordinal));
            Assert.Single(fixture.TwilioApi.Calls, c => c.To == leaving);
        }
        finally
        {
            await Operate(id, "withdraw", new { reason = "Fin de l’essai." });
            if (second.Length > 0)
            {
                await Operate(second, "withdraw", new { reason = "Fin de l’essai." });
            }
        }
    }

    /// <summary>Subscribes a new number by key 5, as its owner would.</summary>
    private async Task<string> SubscribeByKey5()
    {
        var number = "+3323" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var call = Caller(number);
        var answer = await Twilio.Post("/voice/incoming", call);
        answer = await Twilio.Follow(answer.Action ?? answer.Twiml.Element("Redirect")!.Value, call, "5");
        answer = await Twilio.Follow(answer.Action!, call, "1");
        Assert.StartsWith("C’est noté", answer.Preamble.First(), StringComparison.Ordinal);
        return number;
    }

    private async Task<PlacedCall> CallTo(string number, string? noticeId = null)
    {
        PlacedCall? placed = null;
        await WaitUntil(
            () => Task.FromResult((placed = fixture.TwilioApi.Calls.FirstOrDefault(c => c.To == number && (noticeId is null || c.Url.Contains(noticeId, StringComparison.Ordinal)))) is not null),
            "the call to the subscriber");
        return placed!;
    }

    /// <summary>The parameters of Twilio's webhooks for a call it placed.</summary>
    private static Dictionary<string, string> CallOut(PlacedCall placed, string answeredBy) => new()
    {
        ["AccountSid"] = TwilioStandIn.AccountSid,
        ["ApiVersion"] = "2010-04-01",
        ["AnsweredBy"] = answeredBy,
        ["CallSid"] = placed.Sid,
        ["CallStatus"] = "in-progress",
        ["Direction"] = "outbound-api",
        ["From"] = placed.From,
        ["To"] = placed.To,
    };

    private static Dictionary<string, string> Caller(string from)
    {
        var call = TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), RouenNumber);
        call["From"] = call["Caller"] = from;
        return call;
    }

    private static int[] Keys(string menu) =>
        [.. System.Text.RegularExpressions.Regex.Matches(menu, @"tapez (\d)").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static async Task<int> VoiceSubscriptions(ISubscriptionIndexGrain index) =>
        (await index.Counts()).Where(c => c.Channel == SubscriptionChannel.Voice && c.Commune is null).Sum(c => c.Count);

    [Fact]
    public async Task An_unknown_number_gets_a_polite_message_and_hang_up()
    {
        var answer = await Twilio.Post("/voice/incoming", TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), "+33999999999"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("aucun territoire", Assert.Single(answer.Preamble));
        Assert.True(answer.HangsUp);
    }

    [Fact]
    public async Task The_simulator_calls_through_the_same_signed_webhooks()
    {
        using (var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Service.BaseAddress })
        {
            var refused = await anonymous.GetAsync("simulator");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/tableau-de-bord/connexion", refused.Headers.Location?.PathAndQuery ?? refused.Headers.Location?.OriginalString);
        }

        var authority = fixture.Service.Credentials.Authorities[0];
        using (var readOnly = await DashboardSession.SignIn(fixture.Service.BaseAddress, authority.Email, authority.Password))
        {
            Assert.Contains("/tableau-de-bord/refus", (await readOnly.Get("/simulator")).Headers.Location?.OriginalString ?? "");
        }

        // An operator of Rouen neither sees nor calls Le Havre's line.
        var rouenOperator = fixture.Service.Credentials.Operators.Single(o => o.Territory == Rouen);
        using (var rouen = await DashboardSession.SignIn(fixture.Service.BaseAddress, rouenOperator.Email, rouenOperator.Password))
        using (var rouenHttp = new HttpClient(new HttpClientHandler { CookieContainer = rouen.Cookies }) { BaseAddress = fixture.Service.BaseAddress })
        {
            var seen = await rouenHttp.GetFromJsonAsync<JsonArray>("simulator/territories");
            Assert.Equal([Rouen], seen!.Select(t => t!["slug"]!.GetValue<string>()));
            var statsBefore = await fixture.Grains.GetGrain<IPhoneLineStatsGrain>(LeHavre).Get();
            var refused = await rouenHttp.PostAsJsonAsync("simulator/calls", new { to = LeHavreNumber });
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await rouenHttp.PostAsJsonAsync($"simulator/calls/{TwilioWebhooks.NewCallSid()}/menu",
                new { to = " 08 05 76 00 02", action = $"{Public}/voice/menu?step=1", digits = "4" })).StatusCode);
            Assert.Equal(statsBefore.Calls, (await fixture.Grains.GetGrain<IPhoneLineStatsGrain>(LeHavre).Get()).Calls);
        }

        var operatorLogin = fixture.Service.Credentials.Operators.Single(o => o.Territory == LeHavre);
        using var session = await DashboardSession.SignIn(fixture.Service.BaseAddress, operatorLogin.Email, operatorLogin.Password);
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = session.Cookies }) { BaseAddress = fixture.Service.BaseAddress };
        var page = await http.GetAsync("simulator");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);

        var territories = await http.GetFromJsonAsync<JsonArray>("simulator/territories");
        Assert.Contains(territories!, t => t!["slug"]!.GetValue<string>() == LeHavre && t["phoneNumber"]!.GetValue<string>() == LeHavreNumber);

        var stats = fixture.Grains.GetGrain<IPhoneLineStatsGrain>(LeHavre);
        var before = await stats.Get();
        var dialled = await http.PostAsJsonAsync("simulator/calls", new { to = LeHavreNumber });
        Assert.Equal(HttpStatusCode.OK, dialled.StatusCode);
        var answer = (await dialled.Content.ReadFromJsonAsync<JsonObject>())!;
        var callSid = answer["callSid"]!.GetValue<string>();
        var twiml = new TwilioWebhooks.Answer(HttpStatusCode.OK, "text/xml", answer["twiml"]!.GetValue<string>());
        Assert.StartsWith("Bienvenue sur AlloIndustrie Le Havre Seine", twiml.Preamble.First());
        Assert.Equal(["Pour être appelé à chaque nouvel événement, tapez 5."], twiml.MenuSays);

        // Key 5 as a resident hears it, but a simulated call subscribes nobody.
        var pressed = await http.PostAsJsonAsync($"simulator/calls/{callSid}/menu", new { to = LeHavreNumber, action = twiml.Action, digits = "5" });
        twiml = new TwilioWebhooks.Answer(HttpStatusCode.OK, "text/xml", (await pressed.Content.ReadFromJsonAsync<JsonObject>())!["twiml"]!.GetValue<string>());
        pressed = await http.PostAsJsonAsync($"simulator/calls/{callSid}/menu", new { to = LeHavreNumber, action = twiml.Action, digits = "1" });
        twiml = new TwilioWebhooks.Answer(HttpStatusCode.OK, "text/xml", (await pressed.Content.ReadFromJsonAsync<JsonObject>())!["twiml"]!.GetValue<string>());
        Assert.Equal(["Ceci est un appel simulé : aucune inscription n’est faite.", "Merci de votre appel. Au revoir."], twiml.Preamble);
        Assert.True(twiml.HangsUp);

        var hungUp = await http.PostAsJsonAsync($"simulator/calls/{callSid}/hangup", new { to = LeHavreNumber, seconds = 12 });
        Assert.Equal(HttpStatusCode.NoContent, hungUp.StatusCode);
        // A simulated call counts nowhere: once a real call made after it is counted, the counters hold that one only.
        await RealCall(LeHavreNumber);
        await WaitUntil(async () => (await stats.Get()).EndedCalls == before.EndedCalls + 1, "the real call to end");
        Assert.Equal(new PhoneLineStats(before.Calls + 1, before.EndedCalls + 1, before.TotalDuration + TimeSpan.FromSeconds(7)), await stats.Get());

        // Each post runs the line for real: sixty a minute per account, the four above included.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            statuses.Add((await http.PostAsJsonAsync($"simulator/calls/{TwilioWebhooks.NewCallSid()}/hangup", new { to = LeHavreNumber, seconds = 1 })).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NoContent, 56), statuses.Take(56));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 4), statuses.Skip(56));
    }

    [Fact]
    public async Task In_a_browser_the_simulator_plays_the_notice_and_takes_keys()
    {
        // Withdrawn at the end, so that the call of the other test counts only its own notices.
        var id = await Publish(Chemicals, "Bruit de soupape", null);
        try
        {
            var audioUrl = await AudioUrl(id);
            var stats = fixture.Grains.GetGrain<IPhoneLineStatsGrain>(Rouen);
            var before = await stats.Get();

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Chromium.Launch(playwright, autoplay: true);
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = fixture.Service.BaseAddress.ToString(), Locale = "fr-FR" });
            var operatorLogin = fixture.Service.Credentials.Operators[0];
            await page.GotoAsync("simulator");
            await page.Locator("#email").FillAsync(operatorLogin.Email);
            await page.Locator("#password").FillAsync(operatorLogin.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
            await page.WaitForURLAsync("**/simulator");
            await page.Locator("#territory").SelectOptionAsync(RouenNumber);
            await page.Locator("#dial").ClickAsync();

            var transcript = page.Locator("#transcript");
            await Expect(transcript).ToContainTextAsync("Bienvenue sur AlloIndustrie Rouen Métropole", new() { Timeout = 15_000 });
            await Expect(transcript).ToContainTextAsync("Événement 1 sur 1, en cours :", new() { Timeout = 30_000 });
            await Expect(transcript).ToContainTextAsync("Enregistrement " + Telephone(audioUrl), new() { Timeout = 30_000 });

            // The recording plays from this page's origin, though TwiML names the public address.
            await Expect(page.Locator(".keypad button[data-key='2']")).ToBeEnabledAsync();
            await page.Locator(".keypad button[data-key='2']").ClickAsync();
            await Expect(transcript).ToContainTextAsync("Vous avez entendu tous les événements.", new() { Timeout = 15_000 });

            // The menu twice more, with a long wait each time, before the goodbye.
            await Expect(page.Locator("#state")).ToHaveTextAsync("raccroché", new() { Timeout = 90_000 });
            await Expect(transcript).Not.ToContainTextAsync("L’enregistrement n’a pas pu être lu.");

            // Neither the call nor the listen counts: once a real call that heard the notice is counted, that is all there is.
            await RealCall(RouenNumber);
            await WaitUntil(async () => (await stats.Get()).EndedCalls == before.EndedCalls + 1 && await Listens(id) == 1, "the real call's counters");
            Assert.Equal(before.Calls + 1, (await stats.Get()).Calls);
            Assert.Equal(1, await Listens(id));
        }
        finally
        {
            await Operate(id, "withdraw", new { reason = "Fin de l’essai." });
        }
    }

    /// <summary>A call as Twilio makes it: answered (hearing the first notice), then over after 7 seconds.</summary>
    private async Task RealCall(string number)
    {
        var call = TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), number);
        Assert.Equal(HttpStatusCode.OK, (await Twilio.Post("/voice/incoming", call)).Status);
        var status = new Dictionary<string, string>(call) { ["CallStatus"] = "completed", ["CallDuration"] = "7" };
        Assert.Equal(HttpStatusCode.NoContent, (await Twilio.Post("/voice/status", status)).Status);
    }

    private static void AssertPresents(TwilioWebhooks.Answer answer, int position, string? play, int step)
    {
        Assert.Equal($"{Public}/voice/menu?step={step}", answer.Action);
        var says = answer.MenuSays.ToArray();
        Assert.StartsWith($"Événement {position} sur 4", says[0]);
        Assert.StartsWith("Pour réécouter cet événement, tapez 1.", says[^1]);
        if (play is not null)
        {
            Assert.Equal([play], answer.Plays);
        }
    }

    /// <summary>The telephone rendition of the recording at <paramref name="mp3Url"/>, which the phone line plays.</summary>
    private static string Telephone(string mp3Url) => mp3Url[..^".mp3".Length] + ".wav";

    private async Task<string> Publish(string site, string title, string? retention)
    {
        using var client = fixture.Service.Operator(Rouen, site);
        var response = await client.PostAsJsonAsync($"api/v1/territories/{Rouen}/sites/{site}/notices", new
        {
            eventType = "other",
            nuisances = new[] { "odour" },
            title,
            message = $"{title} : l’exploitant surveille la situation depuis 14h30. Aucun danger pour la population.",
            retention,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private async Task Operate(string id, string action, object body)
    {
        var site = (await fixture.Service.Http.GetFromJsonAsync<JsonObject>($"api/v1/notices/{id}"))!["site"]!.GetValue<string>();
        using var client = fixture.Service.Operator(Rouen, site);
        var response = await client.PostAsJsonAsync($"api/v1/notices/{id}/{action}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<string?> AudioUrlOrNull(string id) =>
        (await fixture.Service.Http.GetFromJsonAsync<JsonObject>($"api/v1/notices/{id}"))!["audioUrl"]?.GetValue<string>();

    private async Task<string> AudioUrl(string id)
    {
        string? url = null;
        await WaitUntil(async () => (url = await AudioUrlOrNull(id)) is not null, $"the audio of {id}");
        return url!;
    }

    private Task<long> Listens(string id) => fixture.Grains.GetGrain<INoticeListensGrain>(id).Get();

    private Task WaitUntil(Func<Task<bool>> condition, string what) =>
        Polling.Eventually(what, TimeSpan.FromSeconds(60), condition, () => fixture.Service.Logs);
}
