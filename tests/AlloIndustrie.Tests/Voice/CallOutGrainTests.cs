using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Telephony;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.Grains.Subscriptions.Channels;
using AlloIndustrie.Grains.Subscriptions.Channels.Voice;
using AlloIndustrie.Tests.Grains;
using AlloIndustrie.Tests.Telephony;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Xunit;

namespace AlloIndustrie.Tests.Voice;

/// <summary>
/// Calls to subscribers through real grains, the Twilio stand-in over loopback HTTP, and reminders on the fake clock:
/// unanswered calls are tried again twice, ten minutes apart, and a version is never called twice.
/// </summary>
public sealed class CallOutGrainTests : IAsyncLifetime
{
    private const string Territory = "appels-sortants";
    private const string Number = "+33235000016";
    private static readonly Uri BaseUrl = new("https://allo.example.test/");
    private GrainTestCluster test = null!;
    private TwilioStandIn twilio = null!;

    private IGrainFactory Grains => test.Grains;

    public async Task InitializeAsync()
    {
        twilio = await TwilioStandIn.Start();
        var settings = twilio.Configuration();
        settings["Allo:PublicBaseUrl"] = BaseUrl.AbsoluteUri;
        test = await GrainTestCluster.Start(
            silo => silo.AddMemoryGrainStorage(AlloIndustrie.Grains.StorageNames.Grains).UseInMemoryReminderService(),
            settings,
            GrainTestCluster.NextNoonInParis());
        await Grains.GetGrain<ITerritoryGrain>(Territory).Configure(
            new TerritoryProfile(Territory, "Territoire appelé", ["02 35 00 00 99"], "", NoticeRules.DefaultRetention));
        await Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "usine")).Configure(
            new SiteSettings("Usine", "Société de test", "1 rue de l’Usine", 49.4, 1.0, ["Rouen"], null, false));
        var outcome = await Grains.GetGrain<ISubscriptionDeskGrain>(0).SignUp(new SignUp(
            Territory, SubscriberContact.Phone(SubscriptionChannel.Voice, Number), SubscriptionPreferences.Everything, BaseUrl, ConsentGiven: true));
        Assert.Equal(SubscriptionStatus.Active, outcome.Status);
    }

    public async Task DisposeAsync()
    {
        await test.DisposeAsync();
        await twilio.DisposeAsync();
    }

    [Fact]
    public async Task Nobody_answering_or_a_busy_line_is_called_again_twice_ten_minutes_apart_and_no_version_twice()
    {
        var notice = (await Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "usine")).Publish(new NoticeDraft(
            "smoke", ["smoke"], "Fumée noire", "Un panache est visible.", null, false, null, null, null))).Notice!;
        var first = await Calls(1);
        Assert.Equal("+33235000099", first[0].From);
        Assert.Equal(["30"], first[0].Parameters["Timeout"]);
        var query = new Uri(first[0].Url).Query.TrimStart('?').Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        Assert.True(CallOut.TryParse(query["t"], query["n"], query["v"], out var callOut));
        Assert.Equal((notice.Id, 1), (callOut.NoticeId, callOut.Version));
        var callOuts = Grains.GetGrain<ICallOutGrain>(callOut.Key);

        // A delivery handing the same version over again (its window re-sent after a crash) calls nobody.
        Assert.Equal(SendResult.Sent, (await Grains.GetGrain<ICallOutPlacement>(callOut.Key).Place(new CallOutOrder(callOut, Territory, "", BaseUrl))).Result);

        // No answer: ten minutes later, a second call; a busy line: ten minutes later, the third and last.
        var since = test.Clock.GetUtcNow();
        await callOuts.StatusChanged(first[0].Sid, "no-answer", null);
        await test.AdvanceUntil(TimeSpan.FromMinutes(1), () => Task.FromResult(twilio.Calls.Count == 2));
        Assert.True(test.Clock.GetUtcNow() - since >= TimeSpan.FromMinutes(10));

        // The first call's status, told again late, changes nothing.
        await callOuts.StatusChanged(first[0].Sid, "no-answer", null);
        since = test.Clock.GetUtcNow();
        await callOuts.StatusChanged(twilio.Calls.Last().Sid, "busy", null);
        await test.AdvanceUntil(TimeSpan.FromMinutes(1), () => Task.FromResult(twilio.Calls.Count == 3));
        Assert.True(test.Clock.GetUtcNow() - since >= TimeSpan.FromMinutes(10));

        // Unanswered a third time: given up. The next version is a call of its own.
        await callOuts.StatusChanged(twilio.Calls.Last().Sid, "no-answer", null);
        test.Clock.Advance(TimeSpan.FromMinutes(11));
        await Grains.GetGrain<INoticeGrain>(notice.Id).AddUpdate("Le panache se dissipe.");
        var all = await Calls(4);
        Assert.Equal([1, 1, 1, 2], all.Select(c => c.Url.EndsWith("&v=2", StringComparison.Ordinal) ? 2 : 1));
        Assert.All(all, c => Assert.Equal(Number, c.To));
    }

    [Fact]
    public async Task An_answered_call_counts_its_started_minutes_in_the_territorys_month_once()
    {
        await Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "usine")).Publish(new NoticeDraft(
            "smoke", ["smoke"], "Fumée grise", "Un panache est visible.", null, false, null, null, null));
        var call = (await Calls(1))[0];
        var query = new Uri(call.Url).Query.TrimStart('?').Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        Assert.True(CallOut.TryParse(query["t"], query["n"], query["v"], out var callOut));
        var callOuts = Grains.GetGrain<ICallOutGrain>(callOut.Key);
        var month = Grains.GetGrain<ITelephoneUsageGrain>(TelephoneUsage.Key(Territory, test.Clock.GetUtcNow()));
        Assert.Equal(TelephoneUsage.None, await month.Get());

        // 75 seconds are billed as two minutes; the same callback told again counts nothing more.
        await callOuts.StatusChanged(call.Sid, "completed", TimeSpan.FromSeconds(75));
        await callOuts.StatusChanged(call.Sid, "completed", TimeSpan.FromSeconds(75));
        Assert.Equal(new TelephoneUsage(0, 0, 1, 2), await month.Get());
    }

    [Fact]
    public async Task A_landline_signing_up_from_the_page_is_called_and_hears_its_code_twice()
    {
        var sender = test.Cluster.GetSiloServiceProvider(test.Cluster.Silos[0].SiloAddress)
            .GetServices<IConfirmationSender>().Last(s => s.Channel == SubscriptionChannel.Voice);
        var outcome = await sender.SendConfirmationAsync(
            SubscriberContact.Phone(SubscriptionChannel.Voice, "+33235000017"),
            new SubscriptionConfirmation("0123456789abcdef0123456789abcdef", Territory, "Territoire appelé", SubscriberLanguage.French, null, "482915"),
            CancellationToken.None);

        Assert.Equal(SendResult.Sent, outcome.Result);
        var call = Assert.Single(await Calls(1));
        Assert.Equal(("+33235000017", "+33235000099", ""), (call.To, call.From, call.Url));
        Assert.Equal("https://allo.example.test/voice/status", call.StatusCallback);
        var twiml = System.Xml.Linq.XDocument.Parse(Assert.Single(call.Parameters["Twiml"])).Root!;
        var said = Assert.Single(twiml.Elements("Say")).Value;
        Assert.Equal(2, said.Split("4, 8, 2, 9, 1, 5").Length - 1);
        Assert.StartsWith("Bonjour. Ici AlloIndustrie, territoire Territoire appelé. Votre code de confirmation est : 4, 8, 2, 9, 1, 5.", said, StringComparison.Ordinal);
        Assert.NotNull(twiml.Element("Hangup"));
    }

    private async Task<IReadOnlyList<PlacedCall>> Calls(int count)
    {
        await GrainTestCluster.Eventually(() => Task.FromResult(twilio.Calls.Count >= count));
        return [.. twilio.Calls];
    }
}
