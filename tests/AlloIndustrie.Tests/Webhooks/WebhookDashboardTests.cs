using System.Net;
using System.Text.RegularExpressions;
using AlloIndustrie.Tests.Dashboard;
using AlloIndustrie.Tests.Processes;
using Xunit;

namespace AlloIndustrie.Tests.Webhooks;

/// <summary>The dashboard's webhooks page against the real processes, and a receiver over real HTTP verifying what they send.</summary>
public sealed partial class WebhookDashboardTests : IAsyncLifetime
{
    private const string Territory = "rouen-metropole";
    private const string Page = $"/tableau-de-bord/territoires/{Territory}/webhooks";
    private RunningService service = null!;
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        receiver = await WebhookReceiver.Start();
        service = new RunningService(new Dictionary<string, string> { ["Allo__Subscriptions__AllowPrivateWebhooks"] = "true" });
        await service.Start();
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task An_administrator_creates_tests_rotates_and_deletes_a_webhook_and_its_secret_is_shown_once()
    {
        var admin = service.Credentials.TerritoryAdmins.Single(a => a.Territory == Territory);
        using var session = await DashboardSession.SignIn(service.BaseAddress, admin.Email, admin.Password);
        Assert.Contains(Page, await session.Html($"/tableau-de-bord/territoires/{Territory}"));

        var created = await session.Post($"{Page}?handler=Create", new() { ["url"] = receiver.Url("mairie"), ["description"] = "Mairie de Petit-Couronne" }, tokenFrom: Page);
        var html = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var secret = Secret(html);
        receiver.Trust("mairie", secret);
        var listed = WebUtility.HtmlDecode(await session.Html(Page));
        Assert.Contains("Mairie de Petit-Couronne", listed);
        Assert.DoesNotContain(secret, listed);
        var id = WebhookId().Match(listed).Groups[1].Value;

        var tested = WebUtility.HtmlDecode(await (await session.Post($"{Page}?handler=Test", new() { ["webhookId"] = id }, tokenFrom: Page)).Content.ReadAsStringAsync());
        Assert.Contains("Essai reçu : le serveur a répondu 200", tested);
        var test = Assert.Single(receiver.For("mairie"));
        Assert.True(test.Verified);
        Assert.Equal("webhook.test", test.Json.GetProperty("type").GetString());
        Assert.Contains("webhook.test", tested);

        var rotated = Secret(await (await session.Post($"{Page}?handler=Rotate", new() { ["webhookId"] = id }, tokenFrom: Page)).Content.ReadAsStringAsync());
        Assert.NotEqual(secret, rotated);
        receiver.Trust("mairie", rotated);
        await session.Post($"{Page}?handler=Test", new() { ["webhookId"] = id }, tokenFrom: Page);
        Assert.True(receiver.For("mairie")[1].Verified);

        var journal = WebUtility.HtmlDecode(await session.Html($"/tableau-de-bord/journal/{Territory}"));
        Assert.Contains("webhook.creer", journal);
        Assert.Contains("webhook.secret", journal);
        Assert.DoesNotContain(secret, journal);
        Assert.DoesNotContain(rotated, journal);

        await session.Post($"{Page}?handler=Delete", new() { ["webhookId"] = id }, tokenFrom: Page);
        Assert.Contains("Aucun webhook pour l’instant.", WebUtility.HtmlDecode(await session.Html(Page)));
    }

    [Fact]
    public async Task A_bad_address_is_refused_in_French_and_an_operator_sees_nothing()
    {
        var admin = service.Credentials.TerritoryAdmins.Single(a => a.Territory == Territory);
        using var session = await DashboardSession.SignIn(service.BaseAddress, admin.Email, admin.Password);

        var refused = await session.Post($"{Page}?handler=Create", new() { ["url"] = "ftp://mairie.example.fr/x", ["description"] = "" }, tokenFrom: Page);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("adresse https complète", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.DoesNotContain("whsec_", html);

        var other = await session.Post($"{Page}?handler=Delete", new() { ["webhookId"] = "00112233445566778899aabbccddeeff" }, tokenFrom: Page);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        var operatorAccount = service.Credentials.Operators.First(o => o.Territory == Territory);
        using var operatorSession = await DashboardSession.SignIn(service.BaseAddress, operatorAccount.Email, operatorAccount.Password);
        var denied = await operatorSession.Get(Page);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/tableau-de-bord/refus", denied.Headers.Location?.OriginalString);
    }

    private static string Secret(string html)
    {
        // The page writes '+' as an entity, as Razor encodes every character outside a few.
        var match = SecretCode().Match(WebUtility.HtmlDecode(html));
        Assert.True(match.Success, "No secret shown.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<code class=\"secret\" id=\"secret-webhook\">(whsec_[A-Za-z0-9+/=]+)</code>")]
    private static partial Regex SecretCode();

    [GeneratedRegex("name=\"webhookId\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex WebhookId();
}
