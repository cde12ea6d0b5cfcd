using System.Net;
using AlloIndustrie.Grains.Interfaces.Webhooks;
using AlloIndustrie.Grains.Webhooks;
using AlloIndustrie.Tests.Grains;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Xunit;

namespace AlloIndustrie.Tests.Webhooks;

/// <summary>Webhooks never reach the deployment's own network: refused when created, and at every connection, on the address reached.</summary>
public sealed class WebhookAddressTests : IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.Start();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://127.1.2.3:8443/hook")]
    [InlineData("https://10.0.0.7/hook")]
    [InlineData("https://172.16.0.1/hook")]
    [InlineData("https://192.168.1.1/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://100.64.0.1/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("https://[::ffff:10.0.0.1]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://LOCALHOST./hook")]
    [InlineData("https://api.localhost/hook")]
    [InlineData("https://2130706433/hook")]
    [InlineData("https://0x7f000001/hook")]
    [InlineData("https://017700000001/hook")]
    public void Private_loopback_and_link_local_addresses_are_refused(string url) =>
        Assert.Equal(WebhookRules.PrivateAddress, WebhookRules.UrlProblem(url, allowPrivate: false));

    [Theory]
    [InlineData("http://mairie.example.fr/hook", "en https")]
    [InlineData("https://user:secret@mairie.example.fr/hook", "identifiant")]
    [InlineData("ftp://mairie.example.fr/hook", "adresse https complète")]
    [InlineData("/hook", "adresse https complète")]
    [InlineData("https://mairie.example.fr/ho\u0007ok", "adresse https complète")]
    [InlineData("", "obligatoire")]
    public void Other_bad_addresses_are_refused_in_French(string url, string message) =>
        Assert.Contains(message, WebhookRules.UrlProblem(url, allowPrivate: false));

    [Theory]
    [InlineData("https://mairie.example.fr/webhooks/alloindustrie")]
    [InlineData("https://93.184.215.14/hook")]
    [InlineData("https://[2a00:1450:4007:80e::200e]/hook")]
    public void Public_https_addresses_are_accepted(string url) => Assert.Null(WebhookRules.UrlProblem(url, allowPrivate: false));

    [Fact]
    public async Task Creation_refuses_a_private_address_and_stores_nothing()
    {
        await using var cluster = await GrainTestCluster.Start(silo => silo.AddMemoryGrainStorage(AlloIndustrie.Grains.StorageNames.Grains).UseInMemoryReminderService());
        var directory = cluster.Grains.GetGrain<IWebhookDirectoryGrain>("rouen-metropole");

        foreach (var url in new[] { receiver.Url("local"), "https://10.1.2.3/x", "https://[::1]:8443/x", "https://localhost/x", "http://example.org/x" })
        {
            var created = await directory.Create(url, "", "admin@demo");
            Assert.Null(created.Id);
            Assert.True(created.Errors.ContainsKey("url"), url);
        }

        Assert.Empty(await directory.List());
    }

    [Fact]
    public async Task The_address_is_checked_when_connecting_so_a_name_that_resolves_to_loopback_gets_nowhere()
    {
        using var client = new WebhookClient(Options.Create(new WebhookOptions { AllowPrivateWebhooks = false }));
        var message = new WebhookMessage("m-1", "webhook.test", null, DateTimeOffset.UtcNow, "{}");

        // "localhost" passes no check before the connection here: only the address the socket would reach is refused.
        var (status, _, error) = await client.Send($"http://localhost:{receiver.Origin.Port}/hook/rebind", message, [WebhookSignature.NewSecret()], CancellationToken.None);

        Assert.Null(status);
        Assert.Equal(WebhookRules.PrivateAddress, error);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_to_wherever_it_points()
    {
        await using var inside = await WebhookReceiver.Start();
        receiver.Answer("redirect", response =>
        {
            response.StatusCode = (int)HttpStatusCode.TemporaryRedirect;
            response.Headers.Location = inside.Url("metadata");
            return Task.CompletedTask;
        });
        using var client = new WebhookClient(Options.Create(new WebhookOptions { AllowPrivateWebhooks = true }));

        var (status, _, _) = await client.Send(receiver.Url("redirect"), new WebhookMessage("m-2", "webhook.test", null, DateTimeOffset.UtcNow, "{}"), [WebhookSignature.NewSecret()], CancellationToken.None);

        Assert.Equal(307, status);
        Assert.Empty(inside.Received);
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_within_10_seconds_fails_the_attempt()
    {
        receiver.Answer("silent", response => Task.Delay(TimeSpan.FromSeconds(12)));
        using var client = new WebhookClient(Options.Create(new WebhookOptions { AllowPrivateWebhooks = true }));

        var (status, duration, error) = await client.Send(receiver.Url("silent"), new WebhookMessage("m-3", "webhook.test", null, DateTimeOffset.UtcNow, "{}"), [WebhookSignature.NewSecret()], CancellationToken.None);

        Assert.Null(status);
        Assert.Contains("10 s", error);
        Assert.InRange(duration, TimeSpan.FromSeconds(9.5), TimeSpan.FromSeconds(11.5));
    }

    [Fact]
    public void Signatures_match_the_Standard_Webhooks_test_vector()
    {
        Assert.Equal(
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSignature.Sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""", ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]));
        var secret = WebhookSignature.NewSecret();
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, WebhookSignature.Key(secret).Length);
    }
}
