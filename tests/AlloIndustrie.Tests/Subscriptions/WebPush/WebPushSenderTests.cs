using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Subscriptions.Channels.WebPush;
using AlloIndustrie.Grains.Subscriptions.Channels;
using AlloIndustrie.Grains.Subscriptions.Channels.WebPush;
using AlloIndustrie.Tests.Grains;
using AlloIndustrie.Tests.Public;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Xunit;

namespace AlloIndustrie.Tests.Subscriptions.WebPush;

/// <summary>The channel as the delivery engine calls it, against the push service stand-in.</summary>
public sealed class WebPushSenderTests : IAsyncLifetime
{
    private const string Subject = "https://alloindustrie.test/contact";
    private const string NoticeId = "0190a1b2c3d4e5f60718293a4b5c6d7e";
    private readonly FakeTimeProvider clock = new(SampleNotices.Now);
    private GrainTestCluster cluster = null!;
    private PushServiceStandIn pushService = null!;
    private WebPushClient client = null!;
    private WebPushSender sender = null!;

    public async Task InitializeAsync()
    {
        cluster = await GrainTestCluster.Start(silo => silo.AddMemoryGrainStorage(AlloIndustrie.Grains.StorageNames.Grains).UseInMemoryReminderService());
        pushService = await PushServiceStandIn.Start(Subject);
        client = new WebPushClient(cluster.Grains, Options.Create(new WebPushOptions { VapidSubject = Subject }), TimeProvider.System);
        sender = new WebPushSender(client, clock);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await pushService.DisposeAsync();
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task The_browser_decrypts_the_notice_with_its_link_and_the_push_service_keeps_it_until_expiry()
    {
        var browser = pushService.Subscribe();
        var notice = SampleNotices.Notice(id: NoticeId, version: 3);

        var outcome = await sender.SendAsync(Contact(browser), Message(notice, NoticeMessageKind.Published), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, outcome);
        var push = Assert.Single(pushService.For(browser));
        var payload = push.Payload;
        Assert.Equal("Torchage en cours", payload.GetProperty("title").GetString());
        Assert.Equal(notice.Message, payload.GetProperty("body").GetString());
        Assert.Equal($"https://allo.test/rouen-metropole/notices/{NoticeId}", payload.GetProperty("url").GetString());
        Assert.Equal(NoticeId, payload.GetProperty("noticeId").GetString());
        Assert.Equal(3, payload.GetProperty("version").GetInt32());
        Assert.Equal("active", payload.GetProperty("status").GetString());
        Assert.False(payload.GetProperty("exercise").GetBoolean());
        Assert.Equal((int)(notice.ExpiresAt - clock.GetUtcNow()).TotalSeconds, push.Ttl);
        Assert.Equal(NoticeId, push.Topic);
        Assert.Equal("high", push.Urgency);
    }

    [Fact]
    public async Task A_drill_says_EXERCICE_first_and_is_not_urgent_and_an_update_or_withdrawal_says_what_changed()
    {
        var browser = pushService.Subscribe();
        var drill = SampleNotices.Notice(id: NoticeId, exercise: true);
        var updated = SampleNotices.Notice(id: NoticeId, version: 2, updates: [new NoticeUpdate(SampleNotices.Now, "La flamme diminue.")]);
        var withdrawn = updated with { Status = NoticeStatus.Withdrawn, Version = 3, WithdrawnReason = "Publiée par erreur." };

        await sender.SendAsync(Contact(browser), Message(drill, NoticeMessageKind.Published, exercise: true), CancellationToken.None);
        await sender.SendAsync(Contact(browser), Message(updated, NoticeMessageKind.Updated), CancellationToken.None);
        await sender.SendAsync(Contact(browser), Message(withdrawn, NoticeMessageKind.Withdrawn, SubscriberLanguage.English), CancellationToken.None);

        var pushes = pushService.For(browser).ToArray();
        Assert.Equal("EXERCICE – Torchage en cours", pushes[0].Payload.GetProperty("title").GetString());
        Assert.True(pushes[0].Payload.GetProperty("exercise").GetBoolean());
        Assert.Equal("normal", pushes[0].Urgency);
        Assert.Equal("Mise à jour : Torchage en cours", pushes[1].Payload.GetProperty("title").GetString());
        Assert.Equal("La flamme diminue.", pushes[1].Payload.GetProperty("body").GetString());
        Assert.Equal("Withdrawn: Torchage en cours", pushes[2].Payload.GetProperty("title").GetString());
        Assert.Equal("Publiée par erreur.", pushes[2].Payload.GetProperty("body").GetString());
        Assert.Equal("withdrawn", pushes[2].Payload.GetProperty("status").GetString());
        Assert.Equal("normal", pushes[2].Urgency);
    }

    [Fact]
    public async Task A_long_message_is_cut_between_words_to_fit_a_notification()
    {
        var browser = pushService.Subscribe();
        var notice = SampleNotices.Notice(id: NoticeId, message: string.Join(' ', Enumerable.Repeat("fumée", 200)));

        await sender.SendAsync(Contact(browser), Message(notice, NoticeMessageKind.Published), CancellationToken.None);

        var body = Assert.Single(pushService.For(browser)).Payload.GetProperty("body").GetString()!;
        Assert.True(body.Length <= WebPushPayload.MaxBodyLength);
        Assert.EndsWith("fumée…", body);
    }

    [Fact]
    public async Task Gone_ends_the_subscription_and_throttling_asks_to_wait()
    {
        var browser = pushService.Subscribe();
        pushService.Answer(browser, (410, null), (404, null), (429, "90"), (503, null), (403, null));
        var message = Message(SampleNotices.Notice(id: NoticeId), NoticeMessageKind.Published);

        var outcomes = new List<SendOutcome>();
        for (var i = 0; i < 6; i++)
        {
            outcomes.Add(await sender.SendAsync(Contact(browser), message, CancellationToken.None));
        }

        Assert.Equal(
            [SendResult.Ended, SendResult.Ended, SendResult.RetryLater, SendResult.RetryLater, SendResult.Ended, SendResult.Sent],
            outcomes.Select(o => o.Result));
        Assert.Equal(TimeSpan.FromSeconds(90), outcomes[2].After);
        Assert.Equal(WebPushSender.DefaultRetry, outcomes[3].After);
        Assert.Single(pushService.For(browser));
    }

    [Fact]
    public async Task A_push_service_that_is_down_is_retried_later()
    {
        var browser = pushService.Subscribe();
        var contact = SubscriberContact.WebPush("http://127.0.0.1:9/push/x", browser.P256dh, browser.Auth);

        var outcome = await sender.SendAsync(contact, Message(SampleNotices.Notice(id: NoticeId), NoticeMessageKind.Published), CancellationToken.None);

        Assert.Equal(SendResult.RetryLater, outcome.Result);
    }

    private static SubscriberContact Contact(BrowserPushSubscription browser) =>
        SubscriberContact.WebPush(browser.Endpoint.ToString(), browser.P256dh, browser.Auth);

    private static SubscriberMessage Message(
        NoticeSnapshot notice, NoticeMessageKind kind, SubscriberLanguage language = SubscriberLanguage.French, bool exercise = false) => new(
        "00112233445566778899aabbccddeeff",
        notice,
        notice.Version,
        kind,
        exercise,
        language,
        new Uri($"https://allo.test/rouen-metropole/notices/{notice.Id}"),
        new Uri("https://allo.test/abonnement/gerer/t"),
        new Uri("https://allo.test/abonnement/desabonner/t"),
        ImmutableArray.Create("Petit-Couronne"));
}
