using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Tests.Grains;
using Orleans.Hosting;
using Xunit;

namespace AlloIndustrie.Tests.Subscriptions.WebPush;

/// <summary>
/// From an operator's notice to a browser's push service: the delivery engine and the Web Push channel on real
/// grains (fake clock), the push service stand-in over real HTTP checking VAPID and decrypting what it receives.
/// </summary>
public sealed class WebPushDeliveryTests : IAsyncLifetime
{
    private const string Territory = "push-territoire";
    private const string Subject = "mailto:abonnements@alloindustrie.test";
    private GrainTestCluster cluster = null!;
    private PushServiceStandIn pushService = null!;

    private IGrainFactory Grains => cluster.Grains;

    public async Task InitializeAsync()
    {
        pushService = await PushServiceStandIn.Start(Subject);
        cluster = await GrainTestCluster.Start(
            silo => silo.AddMemoryGrainStorage(AlloIndustrie.Grains.StorageNames.Grains).UseInMemoryReminderService(),
            new Dictionary<string, string?>
            {
                ["Allo:Subscriptions:PushOrigins"] = pushService.Origin.GetLeftPart(UriPartial.Authority),
                ["Allo:Subscriptions:VapidSubject"] = Subject,
                ["Allo:Subscriptions:BackOff"] = "00:00:30",
                ["ALLO_DATA_DIR"] = Path.Combine(Path.GetTempPath(), "alloindustrie-tests", Guid.NewGuid().ToString("N")),
            },
            GrainTestCluster.NextNoonInParis());
        await Grains.GetGrain<ITerritoryGrain>(Territory).Configure(new TerritoryProfile(Territory, "Territoire poussé", ["0805 76 00 97"], "Bonjour.", NoticeRules.DefaultRetention));
        await Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "raffinerie")).Configure(
            new SiteSettings("Raffinerie", "Société de test", "1 rue de l’Usine", 49.4, 1.0, ["Rouen"], null, false));
    }

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        await pushService.DisposeAsync();
    }

    [Fact]
    public async Task A_published_notice_reaches_the_browser_encrypted_and_decrypts_to_that_notice()
    {
        var browser = pushService.Subscribe();
        var subscription = await SignUp(browser);
        Assert.Equal(SubscriptionStatus.Active, subscription.Status);

        var notice = await Publish("Torchage en cours", exercise: false);

        var push = await Received(browser, 1);
        var payload = push[0].Payload;
        Assert.Equal(notice.Id, payload.GetProperty("noticeId").GetString());
        Assert.Equal("Torchage en cours", payload.GetProperty("title").GetString());
        Assert.Equal(notice.Message, payload.GetProperty("body").GetString());
        Assert.Equal(notice.Version, payload.GetProperty("version").GetInt32());
        Assert.Equal("active", payload.GetProperty("status").GetString());
        Assert.EndsWith($"/{Territory}/notices/{notice.Id}", payload.GetProperty("url").GetString());
        Assert.Equal(notice.Id, push[0].Topic);
        Assert.Equal("high", push[0].Urgency);
        Assert.Empty(pushService.Refused);

        // The all-clear follows, as the next version of the same notice.
        await Grains.GetGrain<INoticeGrain>(notice.Id).End("La flamme est éteinte.");
        push = await Received(browser, 2);
        Assert.Equal("Terminé : Torchage en cours", push[1].Payload.GetProperty("title").GetString());
        Assert.Equal("La flamme est éteinte.", push[1].Payload.GetProperty("body").GetString());
        Assert.Equal("normal", push[1].Urgency);
    }

    [Fact]
    public async Task A_subscription_its_push_service_says_is_gone_is_ended_and_gets_nothing_more()
    {
        var browser = pushService.Subscribe();
        var kept = pushService.Subscribe();
        var gone = await SignUp(browser);
        await SignUp(kept);
        pushService.Answer(browser, (410, null));
        var active = await ActiveCount();

        await Publish("Fumée noire", exercise: false);
        await Received(kept, 1);
        await GrainTestCluster.Eventually(async () => await ActiveCount() < active);
        var requests = pushService.Requests;

        await Publish("Fumée blanche", exercise: false);
        await Received(kept, 2);
        await Task.Delay(500);
        Assert.Empty(pushService.For(browser));
        Assert.Equal(requests + 1, pushService.Requests);
        Assert.NotNull(gone.Id);
    }

    [Fact]
    public async Task A_throttling_push_service_is_asked_again_only_after_its_Retry_After()
    {
        var browser = pushService.Subscribe();
        await SignUp(browser);
        pushService.Answer(browser, (429, "120"));

        var notice = await Publish("Essai de sirène", exercise: true);
        await GrainTestCluster.Eventually(() => Task.FromResult(pushService.Requests == 1));
        await Task.Delay(1500);
        Assert.Equal(1, pushService.Requests);
        Assert.Empty(pushService.For(browser));

        await cluster.AdvanceUntil(TimeSpan.FromSeconds(121), () => Task.FromResult(pushService.For(browser).Any()));
        var push = Assert.Single(pushService.For(browser));
        Assert.Equal(notice.Id, push.Payload.GetProperty("noticeId").GetString());
        Assert.Equal("EXERCICE – Essai de sirène", push.Payload.GetProperty("title").GetString());
        Assert.True(push.Payload.GetProperty("exercise").GetBoolean());
    }

    private async Task<int> ActiveCount() => (await Grains.GetGrain<ISubscriptionIndexGrain>(Territory).Counts()).Sum(c => c.Count);

    private async Task<SignUpOutcome> SignUp(BrowserPushSubscription browser)
    {
        var outcome = await Grains.GetGrain<ISubscriptionDeskGrain>(0).SignUp(new SignUp(
            Territory,
            SubscriberContact.WebPush(browser.Endpoint.ToString(), browser.P256dh, browser.Auth),
            SubscriptionPreferences.Everything,
            new Uri("http://abonnement.test/")));
        Assert.Empty(outcome.Errors);
        return outcome;
    }

    private async Task<NoticeSnapshot> Publish(string title, bool exercise)
    {
        var result = await Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "raffinerie")).Publish(new NoticeDraft(
            "flare", ["light"], title, "Une flamme est visible au-dessus de la raffinerie.", null, exercise, null, null, null));
        Assert.Null(result.Error);
        return result.Notice!;
    }

    private async Task<ReceivedPush[]> Received(BrowserPushSubscription browser, int count)
    {
        await GrainTestCluster.Eventually(() => Task.FromResult(pushService.For(browser).Count() >= count));
        return [.. pushService.For(browser)];
    }
}
