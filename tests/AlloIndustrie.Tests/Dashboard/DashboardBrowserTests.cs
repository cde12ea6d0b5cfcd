using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit;
using static AlloIndustrie.Tests.Dashboard.DashboardFixture;
using static Microsoft.Playwright.Assertions;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>The dashboard in a real Chromium: publishing from the form, moderation, the audit trail, and accessibility.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardFixture fixture)
{
    [Fact]
    public async Task An_operator_publishes_from_a_phone_an_administrator_withdraws_and_the_audit_shows_both()
    {
        var title = $"Torchage visible {Guid.NewGuid():N}"[..28];

        var operatorPage = await NewPage(phone: true);
        await SignIn(operatorPage, fixture.Operator.Email, fixture.Operator.Password);
        await operatorPage.GotoAsync($"/tableau-de-bord/sites/{Rouen}/{Refinery}/publier");
        await operatorPage.GetByLabel("Type d’événement").SelectOptionAsync("flare");
        await operatorPage.GetByLabel("Lumière").CheckAsync();
        await operatorPage.GetByLabel("Bruit", new() { Exact = true }).CheckAsync();
        await operatorPage.GetByLabel("Titre (120 caractères au plus)").FillAsync(title);
        await operatorPage.GetByLabel("Message aux riverains").FillAsync("Une flamme est visible au-dessus de la raffinerie ce soir.");
        await operatorPage.GetByLabel("Consignes (facultatif)").FillAsync("Aucune action n’est nécessaire.");
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();
        await Expect(operatorPage.Locator(".preview article")).ToContainTextAsync(title);
        await Expect(operatorPage.Locator(".preview article")).ToContainTextAsync("en cours");

        // The browser loads the draft's recording under the dashboard's content security policy.
        await operatorPage.WaitForFunctionAsync("() => document.querySelector('.preview audio')?.readyState >= 1", null, new() { Timeout = 15_000 });
        Assert.InRange(await operatorPage.Locator(".preview audio").EvaluateAsync<double>("audio => audio.duration"), 3, 120);
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Publier", Exact = true }).ClickAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Status)).ToContainTextAsync("La notice est publiée.");
        var id = operatorPage.Url.Split("/notices/")[1].Split('?')[0];

        await operatorPage.GotoAsync($"/{Rouen}");
        var article = operatorPage.Locator($"article[data-notice-id=\"{id}\"]");
        await Expect(article).ToContainTextAsync(title);
        await Expect(article).ToHaveAttributeAsync("data-status", "active");

        var adminPage = await NewPage(phone: false);
        await SignIn(adminPage, fixture.TerritoryAdmin.Email, fixture.TerritoryAdmin.Password);
        await adminPage.GotoAsync($"/tableau-de-bord/territoires/{Rouen}");
        await adminPage.GetByLabel($"Motif du retrait de « {title} »").FillAsync("Publiée sur le mauvais site.");
        await adminPage.GetByRole(AriaRole.Row).Filter(new() { HasText = title }).GetByRole(AriaRole.Button, new() { Name = "Retirer" }).ClickAsync();

        // Withdrawing reaches every resident at once: the first press only asks, and nothing has changed yet.
        await Expect(adminPage.GetByRole(AriaRole.Heading, new() { Name = "Confirmer le retrait de la notice ?" })).ToBeVisibleAsync();
        await Expect(adminPage.Locator(".confirm")).ToContainTextAsync("Publiée sur le mauvais site.");
        Assert.Equal(1, await DashboardChecks.PublicVersion(fixture.Service, id));
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Oui, retirer la notice" }).ClickAsync();
        await Expect(adminPage.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "withdrawn");

        await operatorPage.GotoAsync($"/{Rouen}");
        await Expect(operatorPage.Locator($"article[data-notice-id=\"{id}\"]")).ToHaveCountAsync(0);

        await adminPage.GotoAsync($"/tableau-de-bord/journal/{Rouen}");
        await Expect(adminPage.Locator($"tr[data-action=\"notice.publier\"][data-actor=\"{fixture.Operator.Email}\"]").Filter(new() { HasText = id })).ToHaveCountAsync(1);
        await Expect(adminPage.Locator($"tr[data-action=\"notice.retrait\"][data-actor=\"{fixture.TerritoryAdmin.Email}\"]").Filter(new() { HasText = id })).ToHaveCountAsync(1);

        await operatorPage.Context.CloseAsync();
        await adminPage.Context.CloseAsync();
    }

    [Fact]
    public async Task A_notice_page_opened_before_its_audio_exists_shows_the_player_without_a_reload()
    {
        var page = await NewPage(phone: false);
        await SignIn(page, fixture.Operator.Email, fixture.Operator.Password);
        using var api = fixture.Service.Operator(Rouen, Refinery);
        var held = fixture.Speech.Close();
        string id;
        try
        {
            var published = await api.PostAsJsonAsync($"api/v1/territories/{Rouen}/sites/{Refinery}/notices", new
            {
                eventType = "flare",
                nuisances = new[] { "light" },
                title = $"Torchage long {Guid.NewGuid():N}"[..24],
                message = "Une flamme haute est visible au-dessus de la raffinerie et un grondement s’entend jusqu’aux communes voisines.",
            });
            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
            id = JsonNode.Parse(await published.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

            await page.GotoAsync($"/tableau-de-bord/notices/{id}");
            await page.EvaluateAsync("() => window.sameDocument = true");
            await Expect(page.Locator("[data-notice-audio] .hint")).ToContainTextAsync("en cours de synthèse");
        }
        finally
        {
            held.Dispose();
        }

        await Expect(page.Locator("[data-notice-audio] audio")).ToHaveAttributeAsync("src", $"/audio/{id}/1.mp3", new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-notice-audio] .hint")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_authority_sees_all_its_territories_change_live_on_one_screen()
    {
        var page = await NewPage(phone: false);
        await SignIn(page, fixture.Authority.Email, fixture.Authority.Password);
        await Expect(page.Locator($"[data-live-territory=\"{Rouen}\"]")).ToBeVisibleAsync();
        await Expect(page.Locator("body[data-live=on]")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        var title = $"Vapeur en direct {Guid.NewGuid():N}"[..26];
        var id = await DashboardChecks.PublishWithKey(fixture.Service, Havre, Terminal, title);
        await Expect(page.Locator($"[data-live-territory=\"{Havre}\"] a[href$=\"{id}\"]")).ToHaveTextAsync(title);
        var havreName = await page.Locator($"[data-live-territory=\"{Havre}\"] h2").TextContentAsync();
        await Expect(page.Locator("[data-announcer]")).ToContainTextAsync(havreName!);
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_dashboard_pages_have_no_WCAG_A_or_AA_violation()
    {
        var id = await DashboardChecks.PublishWithKey(fixture.Service, Rouen, Refinery, "Odeur pour l’accessibilité");
        var pages = new (Role Role, string[] Paths)[]
        {
            (Role.Operator,
            [
                "/tableau-de-bord", $"/tableau-de-bord/sites/{Rouen}/{Refinery}", $"/tableau-de-bord/sites/{Rouen}/{Refinery}/publier",
                $"/tableau-de-bord/sites/{Rouen}/{Refinery}/publier?modele=essai-sirene", $"/tableau-de-bord/notices/{id}", "/tableau-de-bord/compte",
            ]),
            (Role.TerritoryAdmin,
            [
                "/tableau-de-bord", $"/tableau-de-bord/territoires/{Rouen}", $"/tableau-de-bord/territoires/{Rouen}/comptes",
                $"/tableau-de-bord/territoires/{Rouen}/site/{Depot}", $"/tableau-de-bord/territoires/{Rouen}/site", $"/tableau-de-bord/journal/{Rouen}",
            ]),
            (Role.Authority, ["/tableau-de-bord", "/tableau-de-bord/historique", $"/tableau-de-bord/historique?territoire={Havre}&type=odour"]),
            (Role.SuperAdmin, ["/tableau-de-bord/administration", "/tableau-de-bord/journal/_plateforme"]),
        };

        var anonymous = await NewPage(phone: true);
        await anonymous.GotoAsync("/tableau-de-bord/connexion");
        await Axe.AssertAccessible(anonymous, "connexion");
        await anonymous.GotoAsync("/tableau-de-bord/refus");
        await Axe.AssertAccessible(anonymous, "refus");
        await anonymous.Context.CloseAsync();

        foreach (var (role, paths) in pages)
        {
            var page = await NewPage(phone: role == Role.Operator);
            var (email, password) = fixture.Login(role);
            await SignIn(page, email, password);
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                Assert.True(response!.Ok, $"{role} {path}: {response.Status}");
                await Axe.AssertAccessible(page, $"{role} {path}");
            }

            if (role == Role.Operator)
            {
                // The form's errors, once shown, must be as accessible as the form.
                await page.GotoAsync($"/tableau-de-bord/sites/{Rouen}/{Refinery}/publier");
                await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("obligatoire");
                await Axe.AssertAccessible(page, "publier avec erreurs");

                // And so must the preview, with its audio player.
                await page.GetByLabel("Type d’événement").SelectOptionAsync("odour");
                await page.GetByLabel("Titre (120 caractères au plus)").FillAsync("Odeur pour l’accessibilité");
                await page.GetByLabel("Message aux riverains").FillAsync("Une odeur peut être perçue près du site.");
                await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();
                await Expect(page.Locator(".preview audio")).ToHaveCountAsync(1);
                await Axe.AssertAccessible(page, "publier : aperçu");
            }

            await page.Context.CloseAsync();
        }
    }

    private Task<IPage> NewPage(bool phone) => fixture.NewPage(phone);
}
