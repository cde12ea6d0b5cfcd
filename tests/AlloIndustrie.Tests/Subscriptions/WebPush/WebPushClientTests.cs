using System.Net;
using System.Text;
using AlloIndustrie.Grains.Interfaces.Subscriptions.Channels.WebPush;
using AlloIndustrie.Grains.Subscriptions.Channels.WebPush;
using AlloIndustrie.Tests.Grains;
using AlloIndustrie.Tests.Storage;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Xunit;

namespace AlloIndustrie.Tests.Subscriptions.WebPush;

/// <summary>The Web Push client against a push service over real HTTP that checks VAPID and decrypts, as browsers' push services do.</summary>
public sealed class WebPushClientTests : IAsyncLifetime
{
    private const string Subject = "mailto:abonnements@alloindustrie.test";
    private GrainTestCluster cluster = null!;
    private PushServiceStandIn pushService = null!;
    private WebPushClient client = null!;

    public async Task InitializeAsync()
    {
        cluster = await GrainTestCluster.Start(silo => silo.AddMemoryGrainStorage(AlloIndustrie.Grains.StorageNames.Grains).UseInMemoryReminderService());
        pushService = await PushServiceStandIn.Start(Subject);
        client = new WebPushClient(cluster.Grains, Options.Create(new WebPushOptions { VapidSubject = Subject }), TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await pushService.DisposeAsync();
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_message_reaches_the_browser_encrypted_for_it_and_signed_with_the_deployment_key()
    {
        var browser = pushService.Subscribe();
        var payload = """{"title":"Torchage en cours","body":"Une flamme est visible.","noticeId":"0123"}""";

        var response = await client.Send(Request(browser, payload, TimeSpan.FromHours(5), high: true), CancellationToken.None);

        Assert.True(response.Accepted, $"{response.Status} {string.Join(" / ", pushService.Refused)}");
        var received = Assert.Single(pushService.For(browser));
        Assert.Equal(payload, received.Json);
        Assert.Equal(5 * 3600, received.Ttl);
        Assert.Equal("0123456789abcdef0123456789abcdef", received.Topic);
        Assert.Equal("high", received.Urgency);
        Assert.Empty(pushService.Refused);

        // Every node signs with the one stored pair: the key browsers were given.
        var publicKey = await cluster.Grains.GetGrain<IVapidKeysGrain>(IVapidKeysGrain.Key).GetPublicKey();
        Assert.Equal(87, publicKey.Length);
        Assert.Equal(publicKey, (await cluster.Grains.GetGrain<IVapidKeysGrain>(IVapidKeysGrain.Key).GetKeys()).PublicKey);
    }

    [Fact]
    public async Task A_ttl_beyond_four_weeks_is_cut_and_a_past_one_is_zero()
    {
        var browser = pushService.Subscribe();

        await client.Send(Request(browser, "{}", TimeSpan.FromDays(90), high: false), CancellationToken.None);
        await client.Send(Request(browser, "{}", TimeSpan.FromMinutes(-3), high: false), CancellationToken.None);

        Assert.Equal([28 * 24 * 3600, 0], pushService.For(browser).Select(r => r.Ttl));
        Assert.All(pushService.For(browser), r => Assert.Equal("normal", r.Urgency));
    }

    [Fact]
    public async Task Gone_and_throttled_answers_are_told_apart_with_the_wait_asked()
    {
        var browser = pushService.Subscribe();
        pushService.Answer(browser, (410, null), (404, null), (429, "120"), (503, "Wed, 21 Oct 2099 07:28:00 GMT"), (500, null));

        var answers = new List<PushResponse>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await client.Send(Request(browser, "{}", TimeSpan.FromHours(1), high: false), CancellationToken.None));
        }

        Assert.Equal(
            [HttpStatusCode.Gone, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable, HttpStatusCode.InternalServerError, HttpStatusCode.Created],
            answers.Select(a => a.Status!.Value));
        Assert.True(answers[0].Gone && answers[1].Gone && !answers[2].Gone && answers[5].Accepted);
        Assert.Equal(TimeSpan.FromSeconds(120), answers[2].RetryAfter);
        Assert.True(answers[3].RetryAfter > TimeSpan.FromDays(365));
        Assert.Null(answers[4].RetryAfter);
    }

    [Fact]
    public async Task A_push_service_that_does_not_answer_is_a_failure_without_status()
    {
        var browser = pushService.Subscribe();
        var closed = new Uri($"http://127.0.0.1:{FreePort()}/push/1");

        var response = await client.Send(Request(browser, "{}", TimeSpan.FromHours(1), high: false) with { Endpoint = closed }, CancellationToken.None);

        Assert.Null(response.Status);
        Assert.False(response.Accepted);
        Assert.NotNull(response.Error);
    }

    [Fact]
    public async Task The_keys_are_made_once_and_kept_in_storage_across_restarts()
    {
        using var database = new SqliteDatabase();
        string first;
        await using (var sqlite = await StorageTestCluster.StartAsync(database))
        {
            first = await sqlite.Client.GetGrain<IVapidKeysGrain>(IVapidKeysGrain.Key).GetPublicKey();
        }

        await using (var again = await StorageTestCluster.StartAsync(database))
        {
            Assert.Equal(first, await again.Client.GetGrain<IVapidKeysGrain>(IVapidKeysGrain.Key).GetPublicKey());
        }
    }

    private static PushRequest Request(BrowserPushSubscription browser, string payload, TimeSpan ttl, bool high) =>
        new(browser.Endpoint, browser.P256dh, browser.Auth, Encoding.UTF8.GetBytes(payload), ttl, "0123456789abcdef0123456789abcdef", high);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
