using System.Net;
using System.Text.RegularExpressions;
using Xunit;
using static AlloIndustrie.Tests.Dashboard.DashboardChecks;
using static AlloIndustrie.Tests.Dashboard.DashboardFixture;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>Sign-in, lockout, two-factor, sessions and forms through real HTTP: every refusal changes nothing and is audited.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SignInAndSessionTests(DashboardFixture fixture)
{
    private const string Platform = "_plateforme";

    [Fact]
    public async Task A_wrong_password_gets_401_and_is_audited()
    {
        using var session = new DashboardSession(fixture.Service.BaseAddress);
        var response = await session.TrySignIn(fixture.Operator.Email, "pas-le-bon-mot-de-passe");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("incorrect", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await session.Get("/tableau-de-bord")).StatusCode);
        Assert.True(await Audited(await fixture.Session(Role.SuperAdmin), Platform, fixture.Operator.Email, "connexion", refused: true));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_until_an_administrator_resets_its_password()
    {
        var (email, password) = await NewOperator(fixture);
        using var session = new DashboardSession(fixture.Service.BaseAddress);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await session.TrySignIn(email, "mauvais-mot-de-passe")).StatusCode);
        }

        var locked = await session.TrySignIn(email, password);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("verrouillé", WebUtility.HtmlDecode(await locked.Content.ReadAsStringAsync()));
        var admin = await fixture.Session(Role.SuperAdmin);
        Assert.True(await Audited(admin, Platform, email, "connexion", refused: true));

        var territoryAdmin = await fixture.Session(Role.TerritoryAdmin);
        var reset = await territoryAdmin.Post($"/tableau-de-bord/territoires/{Rouen}/comptes?handler=Reset", new() { ["account"] = email.ToUpperInvariant() });
        var newPassword = Secret(await reset.Content.ReadAsStringAsync(), "mot-de-passe");
        Assert.NotEqual(password, newPassword);
        Assert.True(await Audited(admin, Rouen, fixture.TerritoryAdmin.Email, "compte.reinitialiser", refused: false));

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.TrySignIn(email, password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.TrySignIn(email, newPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Get("/tableau-de-bord")).StatusCode);
    }

    [Fact]
    public async Task Concurrent_wrong_passwords_lock_the_account_as_sequential_ones_do()
    {
        var (email, password) = await NewOperator(fixture);

        // Nine at once (the per-account limit lets ten through in a minute, the right one included), each with
        // its own form already loaded, so that the password checks overlap.
        var sessions = Enumerable.Range(0, 9).Select(_ => new DashboardSession(fixture.Service.BaseAddress)).ToList();
        var tokens = await Task.WhenAll(sessions.Select(async s => DashboardSession.Token(await s.Html("/tableau-de-bord/connexion"))));
        var statuses = await Task.WhenAll(sessions.Select((s, i) => s.Post("/tableau-de-bord/connexion",
            new() { ["Email"] = email, ["Password"] = "mauvais-mot-de-passe" }, tokenFrom: null,
            more: [new("__RequestVerificationToken", tokens[i])])));
        Assert.All(statuses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));

        using var right = new DashboardSession(fixture.Service.BaseAddress);
        var locked = await right.TrySignIn(email, password);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("verrouillé", WebUtility.HtmlDecode(await locked.Content.ReadAsStringAsync()));
        sessions.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Concurrent_wrong_codes_lock_the_account_and_the_code_step_is_rate_limited()
    {
        var (email, password, key) = await NewOperatorWithTwoFactor();
        using var session = new DashboardSession(fixture.Service.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await session.TrySignIn(email, password)).StatusCode);

        // Seven wrong codes at once: with the two passwords, nine of the ten attempts a minute the limit allows.
        var token = DashboardSession.Token(await session.Html("/tableau-de-bord/connexion/code"));
        var wrong = await Task.WhenAll(Enumerable.Range(0, 7).Select(i => session.Post("/tableau-de-bord/connexion/code",
            new() { ["Code"] = $"00000{i}" }, tokenFrom: null, more: [new("__RequestVerificationToken", token)])));
        Assert.All(wrong, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));

        var right = await session.Post("/tableau-de-bord/connexion/code",
            new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, tokenFrom: null, more: [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("verrouillé", WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await session.Get("/tableau-de-bord")).StatusCode);

        // The tenth attempt is still counted; the eleventh is refused before any code is checked.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await session.Post("/tableau-de-bord/connexion/code",
            new() { ["Code"] = "123456" }, tokenFrom: null, more: [new("__RequestVerificationToken", token)])).StatusCode);
        Assert.True(await Audited(await fixture.Session(Role.SuperAdmin), Platform, email, "connexion", refused: true));
    }

    [Fact]
    public async Task A_return_address_with_a_control_character_leads_to_the_dashboard_home()
    {
        var (email, password) = await NewOperator(fixture);
        using var session = new DashboardSession(fixture.Service.BaseAddress);
        var signedIn = await session.Post("/tableau-de-bord/connexion?ReturnUrl=%2Ftableau-de-bord%2F%01",
            new() { ["Email"] = email, ["Password"] = password }, tokenFrom: "/tableau-de-bord/connexion");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/tableau-de-bord", signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_account_and_address()
    {
        using var session = new DashboardSession(fixture.Service.BaseAddress);
        var email = $"inconnu-{Guid.NewGuid():N}@test.example";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await session.TrySignIn(email, "n-importe-quoi")).StatusCode);
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.True(await Audited(await fixture.Session(Role.SuperAdmin), Platform, email, "connexion", refused: true));
    }

    [Fact]
    public async Task Sign_in_attempts_with_a_huge_address_leave_a_short_journal()
    {
        using var session = new DashboardSession(fixture.Service.BaseAddress);
        var email = $"{new string('x', 512 * 1024)}-{Guid.NewGuid():N}@test.example";
        for (var i = 0; i < 12; i++)
        {
            await session.TrySignIn(email, "n-importe-quoi");
        }

        var html = await (await fixture.Session(Role.SuperAdmin)).Html($"/tableau-de-bord/journal/{Platform}");
        Assert.True(html.Length < 200_000, $"the journal is {html.Length} characters long");
        var lines = Regex.Matches(WebUtility.HtmlDecode(html), "data-actor=\"x{200}…\"").Count;
        Assert.InRange(lines, 1, 2);
        Assert.Contains("fois, la dernière le", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_gets_400_changes_nothing_and_is_audited()
    {
        var session = await fixture.Session(Role.Operator);
        var title = $"Sans jeton {Guid.NewGuid():N}";
        var response = await session.Post($"/tableau-de-bord/sites/{Rouen}/{Refinery}/publier?handler=Publish", PublishForm(title), tokenFrom: null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        var forged = await session.Post($"/tableau-de-bord/sites/{Rouen}/{Refinery}/publier?handler=Publish", PublishForm(title), tokenFrom: null,
            more: [new("__RequestVerificationToken", "CfDJ8-forge")]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        Assert.DoesNotContain(await PublicNotices(fixture.Service, Rouen), n => n!["title"]!.GetValue<string>() == title);
        Assert.True(await Audited(await fixture.Session(Role.SuperAdmin), Rouen, fixture.Operator.Email, "formulaire", refused: true));
    }

    [Fact]
    public async Task An_expired_or_forged_session_is_sent_to_sign_in_changes_nothing_and_is_audited()
    {
        using var session = new DashboardSession(fixture.Service.BaseAddress);
        session.Cookies.Add(fixture.Service.BaseAddress, new Cookie("allo-session", "CfDJ8-session-perimee", "/tableau-de-bord"));

        var page = await session.Get("/tableau-de-bord");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/tableau-de-bord/connexion", page.Headers.Location!.AbsolutePath);

        var title = $"Session périmée {Guid.NewGuid():N}";
        var post = await session.Post($"/tableau-de-bord/sites/{Rouen}/{Refinery}/publier?handler=Publish", PublishForm(title), tokenFrom: null);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/tableau-de-bord/connexion", post.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain(await PublicNotices(fixture.Service, Rouen), n => n!["title"]!.GetValue<string>() == title);
        Assert.True(await Audited(await fixture.Session(Role.SuperAdmin), Platform, "anonyme", "POST /tableau-de-bord/sites/rouen-metropole/raffinerie-petit-couronne/publier", refused: true));
    }

    [Fact]
    public async Task A_disabled_account_loses_its_open_session_and_cannot_sign_in_again()
    {
        var (email, password) = await NewOperator(fixture);
        using var session = await DashboardSession.SignIn(fixture.Service.BaseAddress, email, password);
        Assert.Equal(HttpStatusCode.OK, (await session.Get($"/tableau-de-bord/sites/{Rouen}/{Refinery}")).StatusCode);

        var territoryAdmin = await fixture.Session(Role.TerritoryAdmin);
        var disabled = await territoryAdmin.Post($"/tableau-de-bord/territoires/{Rouen}/comptes?handler=Disable",
            new() { ["account"] = email.ToUpperInvariant(), ["disabled"] = "true" });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);

        var after = await session.Get($"/tableau-de-bord/sites/{Rouen}/{Refinery}");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/tableau-de-bord/connexion", after.Headers.Location!.OriginalString);
        using var again = new DashboardSession(fixture.Service.BaseAddress);
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.TrySignIn(email, password)).StatusCode);
    }

    [Fact]
    public async Task A_territory_administrator_cannot_manage_accounts_of_another_territory_even_by_forging_the_form()
    {
        var territoryAdmin = await fixture.Session(Role.TerritoryAdmin);
        var havreOperator = fixture.Credentials.Operators.Single(o => o.Territory == Havre);

        // Through its own territory's page, naming an account that is not in its perimeter.
        var reset = await territoryAdmin.Post($"/tableau-de-bord/territoires/{Rouen}/comptes?handler=Reset", new() { ["account"] = havreOperator.Email.ToUpperInvariant() });
        AssertRefused(reset);
        var disable = await territoryAdmin.Post($"/tableau-de-bord/territoires/{Rouen}/comptes?handler=Disable",
            new() { ["account"] = fixture.Credentials.Admin.Email.ToUpperInvariant(), ["disabled"] = "true" });
        AssertRefused(disable);

        // Creating an operator for a site of another territory through its own territory's page.
        var email = $"forge-{Guid.NewGuid():N}@test.example";
        var created = await territoryAdmin.Post($"/tableau-de-bord/territoires/{Rouen}/comptes?handler=Create",
            new() { ["email"] = email, ["displayName"] = "Forgé", ["sites"] = Terminal });
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);

        using var havre = await DashboardSession.SignIn(fixture.Service.BaseAddress, havreOperator.Email, havreOperator.Password);
        var admin = await fixture.Session(Role.SuperAdmin);
        Assert.DoesNotContain(email, WebUtility.HtmlDecode(await admin.Html("/tableau-de-bord/administration")));
        Assert.True(await Audited(admin, Rouen, fixture.TerritoryAdmin.Email, "compte.reinitialiser", refused: true));
    }

    [Fact]
    public async Task An_operator_cannot_revoke_another_sites_key_through_its_own_site()
    {
        var session = await fixture.Session(Role.Operator);
        var otherKeyId = fixture.Credentials.ApiKeys[$"{Havre}/{Terminal}"].Split('_')[1];
        var response = await session.Post($"/tableau-de-bord/sites/{Rouen}/{Refinery}?handler=Revoke", new() { ["keyId"] = otherKeyId });
        AssertRefused(response);

        await PublishWithKey(fixture.Service, Havre, Terminal, "La clé du terminal marche encore");
        Assert.True(await Audited(await fixture.Session(Role.SuperAdmin), Rouen, fixture.Operator.Email, "cle.revoquer", refused: true));
    }

    [Fact]
    public async Task A_new_api_key_is_shown_once_works_for_its_site_and_stops_once_revoked()
    {
        var session = await fixture.Session(Role.Operator);
        var created = await session.Post($"/tableau-de-bord/sites/{Rouen}/{Chemicals}?handler=CreateKey", new() { ["label"] = "Supervision" });
        var key = Secret(await created.Content.ReadAsStringAsync(), "nouvelle-cle");
        Assert.StartsWith("allo_", key);
        Assert.DoesNotContain(key, await session.Html($"/tableau-de-bord/sites/{Rouen}/{Chemicals}"));

        using var client = new HttpClient { BaseAddress = fixture.Service.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var body = new { eventType = "noise", title = "Bruit", message = "Un bruit est perçu." };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"api/v1/territories/{Rouen}/sites/{Chemicals}/notices", System.Net.Http.Json.JsonContent.Create(body))).StatusCode);

        var keyId = key.Split('_')[1];
        var revoked = await session.Post($"/tableau-de-bord/sites/{Rouen}/{Chemicals}?handler=Revoke", new() { ["keyId"] = keyId });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync($"api/v1/territories/{Rouen}/sites/{Chemicals}/notices", System.Net.Http.Json.JsonContent.Create(body))).StatusCode);

        var admin = await fixture.Session(Role.SuperAdmin);
        Assert.True(await Audited(admin, Rouen, fixture.Operator.Email, "cle.revoquer", refused: false));
        Assert.True(await Audited(admin, Rouen, $"clé:{keyId}", "notice.publier", refused: false));
    }

    [Fact]
    public async Task Two_factor_sign_in_asks_for_the_authenticator_code()
    {
        var (email, password, key) = await NewOperatorWithTwoFactor();
        using var second = new DashboardSession(fixture.Service.BaseAddress);
        var first = await second.TrySignIn(email, password);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/tableau-de-bord/connexion/code", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await second.Get("/tableau-de-bord")).StatusCode);

        var bad = await second.Post("/tableau-de-bord/connexion/code", new() { ["Code"] = "123456" }, tokenFrom: "/tableau-de-bord/connexion/code");
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        var good = await second.Post("/tableau-de-bord/connexion/code",
            new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, tokenFrom: "/tableau-de-bord/connexion/code");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.Get("/tableau-de-bord")).StatusCode);
    }

    /// <summary>A new operator who has turned two-factor authentication on, with the key of its authenticator.</summary>
    private async Task<(string Email, string Password, string Key)> NewOperatorWithTwoFactor()
    {
        var (email, password) = await NewOperator(fixture);
        using var session = await DashboardSession.SignIn(fixture.Service.BaseAddress, email, password);
        Assert.DoesNotContain("cle-totp", await session.Html("/tableau-de-bord/compte"));
        var setUp = await session.Post("/tableau-de-bord/compte?handler=SetUpTwoFactor", [], tokenFrom: "/tableau-de-bord/compte");
        var key = Secret(await setUp.Content.ReadAsStringAsync(), "cle-totp");
        var wrong = await session.Post("/tableau-de-bord/compte?handler=EnableTwoFactor", new() { ["code"] = "000000" }, tokenFrom: "/tableau-de-bord/compte");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var enabled = await session.Post("/tableau-de-bord/compte?handler=EnableTwoFactor",
            new() { ["code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, tokenFrom: "/tableau-de-bord/compte");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Contains("activée", WebUtility.HtmlDecode(await enabled.Content.ReadAsStringAsync()));
        return (email, password, key);
    }
}
