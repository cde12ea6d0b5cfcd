using System.Net;
using System.Text.RegularExpressions;
using AlloIndustrie.Tests.Voice;
using Xunit;
using static AlloIndustrie.Tests.Dashboard.DashboardChecks;
using static AlloIndustrie.Tests.Dashboard.DashboardFixture;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>
/// The web front behind a TLS-terminating reverse proxy, over real HTTP: what the proxy forwards (the client's
/// scheme and address) is believed from a trusted proxy only, and then shapes the cookies, the audit trail,
/// the sign-in limits and the URL Twilio signs. The first web front trusts loopback, as by default;
/// <see cref="StrictFront"/> also requires secure cookies, and <see cref="DistrustingFront"/> trusts another address.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class ReverseProxyTests(DashboardFixture fixture)
{
    private const string Platform = "_plateforme";

    [Fact]
    public async Task Behind_a_trusted_TLS_proxy_every_cookie_is_secure_and_the_audit_has_the_clients_address()
    {
        var (email, password, key) = await OperatorWithTwoFactor();
        using var session = new DashboardSession(fixture.Service.BaseAddress, new TlsProxy("203.0.113.21"));

        await SignInWithCode(session, email, password, key);

        Assert.Equal(HttpStatusCode.OK, (await session.Get("/tableau-de-bord")).StatusCode);
        Assert.Contains(session.SetCookies, c => c.StartsWith("Identity.TwoFactorUserId=", StringComparison.Ordinal));
        AssertCookies(session.SetCookies, secure: true);

        // Newest first: this sign-in, then the one over plain HTTP that set up the second factor.
        Assert.Equal(["203.0.113.21", "127.0.0.1"], await SignInAddresses(email));
    }

    [Fact]
    public async Task Over_plain_HTTP_no_cookie_is_secure()
    {
        var (email, password, key) = await OperatorWithTwoFactor();
        using var session = new DashboardSession(fixture.Service.BaseAddress);

        await SignInWithCode(session, email, password, key);

        Assert.Equal(HttpStatusCode.OK, (await session.Get("/tableau-de-bord")).StatusCode);
        Assert.Contains(session.SetCookies, c => c.StartsWith("Identity.TwoFactorUserId=", StringComparison.Ordinal));
        AssertCookies(session.SetCookies, secure: false);
        Assert.Equal(["127.0.0.1", "127.0.0.1"], await SignInAddresses(email));
    }

    [Fact]
    public async Task A_deployment_requiring_secure_cookies_serves_the_dashboard_over_HTTPS_only()
    {
        var strict = fixture.Service.WebFrontAddress(StrictFront);
        using (var plain = new DashboardSession(strict))
        {
            var refused = await plain.Get("/tableau-de-bord/connexion");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("qu’en HTTPS", await refused.Content.ReadAsStringAsync());
            Assert.Empty(plain.SetCookies);
        }

        var (email, password) = await NewOperator(fixture);
        using var proxied = await DashboardSession.SignIn(strict, email, password, new TlsProxy("203.0.113.22"));
        Assert.Equal(HttpStatusCode.OK, (await proxied.Get("/tableau-de-bord")).StatusCode);
        AssertCookies(proxied.SetCookies, secure: true);
    }

    [Fact]
    public async Task An_untrusted_proxy_is_believed_neither_about_HTTPS_nor_about_the_clients_address()
    {
        var (email, password) = await NewOperator(fixture);
        using var session = await DashboardSession.SignIn(
            fixture.Service.WebFrontAddress(DistrustingFront), email, password, new TlsProxy("203.0.113.24"));

        Assert.Equal(HttpStatusCode.OK, (await session.Get("/tableau-de-bord")).StatusCode);
        AssertCookies(session.SetCookies, secure: false);
        Assert.Equal(["127.0.0.1"], await SignInAddresses(email));
    }

    [Fact]
    public async Task Sign_in_limits_count_forwarded_clients_apart_only_behind_a_trusted_proxy()
    {
        var email = $"inconnu-{Guid.NewGuid():N}@test.example";
        Assert.Equal(HttpStatusCode.TooManyRequests, await TenThenOneMore(fixture.Service.BaseAddress, email, "198.51.100.31", "198.51.100.31"));
        Assert.Equal(HttpStatusCode.Unauthorized, await TenThenOneMore(fixture.Service.BaseAddress, email + ".fr", "198.51.100.31", "198.51.100.32"));

        // Behind a proxy it does not trust, the front sees one client, loopback, whatever the header says.
        var distrusting = fixture.Service.WebFrontAddress(DistrustingFront);
        Assert.Equal(HttpStatusCode.TooManyRequests, await TenThenOneMore(distrusting, email, "198.51.100.33", "198.51.100.34"));
    }

    [Fact]
    public async Task Twilio_signatures_and_links_use_the_https_address_only_a_trusted_proxy_reports()
    {
        await PublishWithKey(fixture.Service, Havre, Terminal, "Odeur pour le téléphone");
        const string havreNumber = "+33805760002";

        var trusted = fixture.Service.WebFrontAddress(0);
        var httpsTrusted = $"https://{trusted.Authority}";
        var answer = await Webhook(0, httpsTrusted, viaTls: true).Post("/voice/incoming", TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), havreNumber));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.StartsWith(httpsTrusted + "/voice/menu", answer.Action);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await Webhook(0, httpsTrusted, viaTls: false).Post("/voice/incoming", TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), havreNumber))).Status);

        var distrusting = fixture.Service.WebFrontAddress(DistrustingFront);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await Webhook(DistrustingFront, $"https://{distrusting.Authority}", viaTls: true).Post("/voice/incoming", TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), havreNumber))).Status);
        var plain = await Webhook(DistrustingFront, $"http://{distrusting.Authority}", viaTls: true).Post("/voice/incoming", TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), havreNumber));
        Assert.Equal(HttpStatusCode.OK, plain.Status);
        Assert.StartsWith($"http://{distrusting.Authority}/voice/menu", plain.Action);
    }

    /// <summary>Webhooks to one web front, signed for <paramref name="signedBase"/>, through the pretend TLS proxy or straight.</summary>
    private TwilioWebhooks Webhook(int front, string signedBase, bool viaTls)
    {
        var http = fixture.Service.Client(front);
        if (viaTls)
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.23");
        }

        return new TwilioWebhooks(http, signedBase, fixture.Credentials.TwilioAuthToken);
    }

    /// <summary>Ten wrong sign-ins as one client, then the status of an eleventh as another (or the same).</summary>
    private static async Task<HttpStatusCode> TenThenOneMore(Uri front, string email, string first, string then)
    {
        using var session = new DashboardSession(front, new TlsProxy(first));
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await session.TrySignIn(email, "n-importe-quoi")).StatusCode);
        }

        using var next = new DashboardSession(front, new TlsProxy(then));
        return (await next.TrySignIn(email, "n-importe-quoi")).StatusCode;
    }

    private async Task<(string Email, string Password, string Key)> OperatorWithTwoFactor()
    {
        var (email, password) = await NewOperator(fixture);
        using var session = await DashboardSession.SignIn(fixture.Service.BaseAddress, email, password);
        var setUp = await session.Post("/tableau-de-bord/compte?handler=SetUpTwoFactor", [], tokenFrom: "/tableau-de-bord/compte");
        var key = Secret(await setUp.Content.ReadAsStringAsync(), "cle-totp");
        var enabled = await session.Post("/tableau-de-bord/compte?handler=EnableTwoFactor",
            new() { ["code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, tokenFrom: "/tableau-de-bord/compte");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        return (email, password, key);
    }

    private static async Task SignInWithCode(DashboardSession session, string email, string password, string key)
    {
        var first = await session.TrySignIn(email, password);
        Assert.StartsWith("/tableau-de-bord/connexion/code", first.Headers.Location?.OriginalString);
        var code = await session.Post("/tableau-de-bord/connexion/code",
            new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, tokenFrom: "/tableau-de-bord/connexion/code");
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
    }

    /// <summary>Every cookie the session was sent, the antiforgery and session cookies among them, is (or is not) Secure.</summary>
    private static void AssertCookies(IReadOnlyList<string> setCookies, bool secure)
    {
        var names = setCookies.Select(c => c[..c.IndexOf('=')]).ToHashSet();
        Assert.Contains("allo-antiforgery", names);
        Assert.Contains("allo-session", names);

        foreach (var setCookie in setCookies)
        {
            var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1);
            Assert.True(secure == attributes.Contains("secure", StringComparer.OrdinalIgnoreCase), $"Set-Cookie: {setCookie}");
        }
    }

    /// <summary>The addresses the platform's audit trail recorded for the account's successful sign-ins.</summary>
    private async Task<string[]> SignInAddresses(string email)
    {
        var html = WebUtility.HtmlDecode(await (await fixture.Session(Role.SuperAdmin)).Html($"/tableau-de-bord/journal/{Platform}"));
        return [.. AuditRow().Matches(html).Where(m => m.Groups["actor"].Value == email).Select(m => m.Groups["ip"].Value)];
    }

    [GeneratedRegex("<tr data-actor=\"(?<actor>[^\"]+)\" data-action=\"connexion\" data-refused=\"false\">\\s*<td[^>]*>[^<]*</td>\\s*<td[^>]*>[^<]*</td>\\s*<td[^>]*>(?<ip>[^<]*)</td>")]
    private static partial Regex AuditRow();
}
