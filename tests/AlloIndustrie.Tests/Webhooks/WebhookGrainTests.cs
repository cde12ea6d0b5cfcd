using AlloIndustrie.Grains.Interfaces.Audit;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Webhooks;
using AlloIndustrie.Tests.Grains;
using AlloIndustrie.Tests.Public;
using Orleans.Hosting;
using Xunit;

namespace AlloIndustrie.Tests.Webhooks;

/// <summary>Webhook grains on a fake clock, delivering over real HTTP to a receiver that verifies signatures with the Standard Webhooks library.</summary>
public sealed class WebhookGrainTests : IAsyncLifetime
{
    private const string Territory = "rouen-metropole";
    private GrainTestCluster cluster = null!;
    private WebhookReceiver receiver = null!;

    private IWebhookDirectoryGrain Directory => cluster.Grains.GetGrain<IWebhookDirectoryGrain>(Territory);

    public async Task InitializeAsync()
    {
        cluster = await GrainTestCluster.Start(
            silo => silo.AddMemoryGrainStorage(AlloIndustrie.Grains.StorageNames.Grains).UseInMemoryReminderService(),
            new Dictionary<string, string?> { ["Allo:Subscriptions:AllowPrivateWebhooks"] = "true" });
        receiver = await WebhookReceiver.Start();
    }

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_notice_version_reaches_the_receiver_signed_with_the_secret_shown_once()
    {
        var (id, secret) = await Create("mairie");

        Assert.StartsWith("whsec_", secret);
        var view = Assert.Single(await Directory.List());
        Assert.Equal(id, view.Id);
        Assert.True(view.Enabled);
        Assert.DoesNotContain(secret, System.Text.Json.JsonSerializer.Serialize(view));

        var notice = SampleNotices.Notice(id: "0190a1b2c3d4e5f60718293a4b5c6d7e", version: 2);
        await Directory.Dispatch(notice, NoticeMessageKind.Published);

        var received = await Eventually(() => receiver.For("mairie").Count == 1, () => receiver.For("mairie")[0]);
        Assert.True(received.Verified, received.Signature);
        Assert.Equal($"{notice.Id}-v2", received.Id);
        Assert.Equal("notice.published", received.Json.GetProperty("type").GetString());
        Assert.True(received.Json.TryGetProperty("timestamp", out _));
        var data = received.Json.GetProperty("data");
        Assert.Equal(notice.Id, data.GetProperty("id").GetString());
        Assert.Equal("active", data.GetProperty("status").GetString());
        Assert.Equal(notice.Title, data.GetProperty("title").GetString());
        await GrainTestCluster.Eventually(async () => (await Webhook(id).Get())!.Deliveries is [{ Status: 200, Attempt: 1, NextRetryAt: null }]);
    }

    [Fact]
    public async Task A_failing_receiver_gets_the_same_message_again_with_growing_delays_until_it_accepts()
    {
        var (id, _) = await Create("pompiers");
        receiver.Answer("pompiers", WebhookReceiver.Status(500), WebhookReceiver.Status(503), WebhookReceiver.Status(404));
        var notice = SampleNotices.Notice(id: "0190a1b2c3d4e5f60718293a4b5c6d7f");

        await Directory.Dispatch(notice, NoticeMessageKind.Ended);
        await GrainTestCluster.Eventually(async () => (await Webhook(id).Get())!.Deliveries.Length == 1);
        var first = (await Webhook(id).Get())!.Deliveries.Single();
        Assert.Equal(500, first.Status);
        Assert.Equal(first.At + TimeSpan.FromSeconds(5), first.NextRetryAt);

        await cluster.AdvanceUntil(TimeSpan.FromSeconds(5), async () => (await Webhook(id).Get())!.Deliveries.Length == 4);

        var attempts = receiver.For("pompiers");
        Assert.All(attempts, a => Assert.Equal($"{notice.Id}-v1", a.Id));
        Assert.All(attempts, a => Assert.True(a.Verified));
        Assert.All(attempts, a => Assert.Equal("notice.ended", a.Json.GetProperty("type").GetString()));
        var deliveries = (await Webhook(id).Get())!.Deliveries;
        Assert.Equal([200, 404, 503, 500], deliveries.Select(d => d.Status!.Value));
        Assert.Equal([4, 3, 2, 1], deliveries.Select(d => d.Attempt));
        Assert.True(deliveries[2].NextRetryAt - deliveries[2].At > deliveries[3].NextRetryAt - deliveries[3].At);
        Assert.Empty(await Webhook(id).Pending());
        Assert.Null((await Webhook(id).Get())!.FailingSince);
    }

    [Fact]
    public async Task A_receiver_failing_for_24_hours_is_disabled_and_its_administrators_told()
    {
        var (id, _) = await Create("zone");
        receiver.Answer("zone", [.. Enumerable.Repeat(WebhookReceiver.Status(500), 1000)]);

        await Directory.Dispatch(SampleNotices.Notice(id: "0190a1b2c3d4e5f60718293a4b5c6d80"), NoticeMessageKind.Published);
        var started = cluster.Clock.GetUtcNow();
        // Retries are hours apart by then: a minute at a time would outlast the test's patience.
        await cluster.AdvanceUntil(TimeSpan.FromHours(23), async () => (await Webhook(id).Get())!.Enabled == false, TimeSpan.FromMinutes(15));

        var view = (await Webhook(id).Get())!;
        Assert.False(view.Enabled);
        Assert.True(view.DisabledAt - started >= WebhookRules.FailureWindow);
        Assert.Equal(0, view.PendingCount);
        Assert.True(receiver.For("zone").Count >= 5);
        var audit = await cluster.Grains.GetGrain<IAuditGrain>(AuditKey.Of(Territory, view.DisabledAt!.Value)).List();
        var entry = Assert.Single(audit, e => e.Action == "webhook.desactiver");
        Assert.Contains(receiver.Url("zone"), entry.Target);

        // Nothing more is sent to a disabled webhook; enabled again, it takes new messages.
        var before = receiver.For("zone").Count;
        await Directory.Dispatch(SampleNotices.Notice(id: "0190a1b2c3d4e5f60718293a4b5c6d81"), NoticeMessageKind.Published);
        Assert.Empty(await Webhook(id).Pending());
        await Webhook(id).Enable();
        receiver.Answer("zone");
        await Directory.Dispatch(SampleNotices.Notice(id: "0190a1b2c3d4e5f60718293a4b5c6d81", version: 2), NoticeMessageKind.Updated);
        Assert.Single(await Webhook(id).Pending());
        Assert.True(receiver.For("zone").Count >= before);
    }

    [Fact]
    public async Task A_version_handed_over_twice_is_delivered_once_and_a_newer_one_replaces_an_older_still_waiting()
    {
        var (id, _) = await Create("doublon");
        receiver.Answer("doublon", WebhookReceiver.Status(500));
        var notice = SampleNotices.Notice(id: "0190a1b2c3d4e5f60718293a4b5c6d82");

        await Directory.Dispatch(notice, NoticeMessageKind.Published);
        await GrainTestCluster.Eventually(async () => (await Webhook(id).Get())!.Deliveries.Length == 1);
        await Directory.Dispatch(notice, NoticeMessageKind.Published);
        await Directory.Dispatch(notice with { Version = 2 }, NoticeMessageKind.Updated);
        await Directory.Dispatch(notice with { Version = 3 }, NoticeMessageKind.Updated);
        Assert.Equal([$"{notice.Id}-v3"], (await Webhook(id).Pending()).Select(m => m.Id));

        await cluster.AdvanceUntil(TimeSpan.FromSeconds(5), async () => (await Webhook(id).Pending()).IsEmpty);
        Assert.Equal([$"{notice.Id}-v1", $"{notice.Id}-v3"], receiver.For("doublon").Select(r => r.Id));
    }

    [Fact]
    public async Task A_rotated_secret_signs_beside_the_old_one_for_a_day_then_alone()
    {
        var (id, old) = await Create("rotation");
        var fresh = (await Webhook(id).RotateSecret())!;
        Assert.NotEqual(old, fresh);
        receiver.Trust("rotation", fresh, old);

        var test = (await Webhook(id).SendTest())!;
        Assert.Equal(200, test.Status);
        var both = receiver.For("rotation").Single();
        Assert.Equal("webhook.test", both.Json.GetProperty("type").GetString());
        Assert.Equal([0, 1], both.VerifiedBy);
        Assert.Equal(2, both.Signature.Split(' ').Length);

        cluster.Clock.Advance(WebhookRules.RotationOverlap + TimeSpan.FromMinutes(1));
        await Webhook(id).SendTest();
        Assert.Equal([0], receiver.For("rotation")[1].VerifiedBy);
        Assert.Equal(2, (await Webhook(id).Get())!.Deliveries.Length);
    }

    [Fact]
    public async Task A_deleted_webhook_is_gone_with_its_secret_and_history()
    {
        var (id, _) = await Create("supprime");
        await Webhook(id).SendTest();

        Assert.True(await Directory.Delete(id));
        Assert.False(await Directory.Delete(id));
        Assert.Empty(await Directory.List());
        Assert.Null(await Webhook(id).Get());
        await Directory.Dispatch(SampleNotices.Notice(id: "0190a1b2c3d4e5f60718293a4b5c6d83"), NoticeMessageKind.Published);
        Assert.Single(receiver.For("supprime"));
    }

    [Fact]
    public async Task Only_the_last_100_deliveries_are_kept()
    {
        var (id, _) = await Create("historique");
        for (var i = 0; i < WebhookRules.KeptDeliveries + 5; i++)
        {
            await Webhook(id).SendTest();
        }

        var deliveries = (await Webhook(id).Get())!.Deliveries;
        Assert.Equal(WebhookRules.KeptDeliveries, deliveries.Length);
        Assert.Equal(receiver.For("historique")[^1].Id, deliveries[0].MessageId);
    }

    private async Task<(string Id, string Secret)> Create(string name)
    {
        var created = await Directory.Create(receiver.Url(name), $"Webhook {name}", "admin.rouen@demo.alloindustrie.fr");
        Assert.Empty(created.Errors);
        receiver.Trust(name, created.Secret!);
        return (created.Id!, created.Secret!);
    }

    private IWebhookGrain Webhook(string id) => cluster.Grains.GetGrain<IWebhookGrain>(WebhookKey.Of(Territory, id));

    private static async Task<T> Eventually<T>(Func<bool> condition, Func<T> value)
    {
        await GrainTestCluster.Eventually(() => Task.FromResult(condition()));
        return value();
    }
}
