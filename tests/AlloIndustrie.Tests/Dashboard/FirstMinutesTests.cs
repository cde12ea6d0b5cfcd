using Microsoft.Playwright;
using Xunit;
using static AlloIndustrie.Tests.Dashboard.DashboardChecks;
using static AlloIndustrie.Tests.Dashboard.DashboardFixture;
using static Microsoft.Playwright.Assertions;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>What an operator or an administrator meets in the dashboard's first minutes, in a real Chromium.</summary>
[Collection(DashboardCollection.Name)]
public sealed class FirstMinutesTests(DashboardFixture fixture)
{
    [Fact]
    public async Task The_home_page_names_territories_greets_the_account_by_its_name_and_links_public_pages_and_the_simulator()
    {
        var (email, password) = await NewOperator(fixture);
        var page = await fixture.NewPage(phone: true);
        await SignIn(page, email, password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Opérateur de test");
        var card = page.Locator(".cards li").Filter(new() { HasText = "Raffinerie" });
        await Expect(card).ToContainTextAsync("Rouen Métropole");
        await Expect(card).Not.ToContainTextAsync(Rouen);
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Page publique de Rouen Métropole" })).ToHaveAttributeAsync("href", $"/{Rouen}");
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Essayer la ligne téléphonique (simulateur)" })).ToHaveAttributeAsync("href", "/simulator");

        // The name is the account's own, set on its page.
        await page.GotoAsync("/tableau-de-bord/compte");
        await page.GetByLabel("Nom affiché (accueil du tableau de bord, prises en compte des alertes)").FillAsync("Camille Martin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le nom" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Nom enregistré.");
        await page.GotoAsync("/tableau-de-bord");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Camille Martin");

        await page.GotoAsync("/tableau-de-bord/compte");
        await page.GetByLabel("Nom affiché (accueil du tableau de bord, prises en compte des alertes)").FillAsync("   ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le nom" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Votre nom");
        await page.GotoAsync("/tableau-de-bord");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Camille Martin");

        var admin = await fixture.SignedInPage(Role.TerritoryAdmin);
        var territory = admin.Locator($"[data-live-territory=\"{Rouen}\"]");
        await Expect(territory.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Rouen Métropole");
        await Expect(territory.GetByRole(AriaRole.Link, new() { Name = "Page publique de Rouen Métropole (en direct)" })).ToHaveAttributeAsync("href", $"/{Rouen}");
        await page.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_page_links_the_simulator_for_those_who_may_use_it_and_the_simulator_leads_back()
    {
        var page = await fixture.SignedInPage(Role.Operator);
        foreach (var path in new[] { "/tableau-de-bord", $"/tableau-de-bord/sites/{Rouen}/{Refinery}", $"/tableau-de-bord/sites/{Rouen}/{Refinery}/publier", "/tableau-de-bord/compte" })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Simulateur téléphonique" }))
                .ToHaveAttributeAsync("href", "/simulator");
        }

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Simulateur téléphonique" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Simulateur de la ligne téléphonique");

        // It wears the dashboard's header and colours.
        Assert.Equal(
            "rgb(11, 79, 138)",
            await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('header.top')).backgroundColor"));
        await Axe.AssertAccessible(page, "simulateur");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Retour au tableau de bord" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tableau-de-bord$"));
        await page.Context.CloseAsync();

        var authority = await fixture.SignedInPage(Role.Authority);
        await Expect(authority.GetByRole(AriaRole.Link, new() { Name = "Simulateur téléphonique" })).ToHaveCountAsync(0);
        await authority.Context.CloseAsync();
    }

    [Fact]
    public async Task The_all_clear_asks_for_confirmation_and_changes_nothing_until_confirmed()
    {
        var id = await PublishWithKey(fixture.Service, Rouen, Refinery, $"Odeur à confirmer {Guid.NewGuid():N}"[..26]);
        var page = await fixture.SignedInPage(Role.Operator, phone: true);
        await page.GotoAsync($"/tableau-de-bord/notices/{id}");
        await page.GetByLabel("Message de fin (facultatif)").FillAsync("L’odeur a disparu.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Annoncer la fin de l’événement" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirmer la fin de l’événement ?" })).ToBeVisibleAsync();
        await Expect(page.Locator(".confirm")).ToContainTextAsync("L’odeur a disparu.");
        Assert.Equal(1, await PublicVersion(fixture.Service, id));
        await Axe.AssertAccessible(page, "confirmer la fin");

        // Cancelling leaves the notice as it was.
        await page.GetByRole(AriaRole.Link, new() { Name = "Annuler" }).ClickAsync();
        await Expect(page.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "active");

        await page.GetByLabel("Message de fin (facultatif)").FillAsync("L’odeur a disparu.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Annoncer la fin de l’événement" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Oui, annoncer la fin" }).ClickAsync();
        await Expect(page.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "ended");
        Assert.Equal(2, await PublicVersion(fixture.Service, id));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_publish_preview_is_the_public_card_with_its_dates_tags_and_instructions_box()
    {
        var title = $"Torchage prévisualisé {Guid.NewGuid():N}"[..30];
        var page = await fixture.SignedInPage(Role.Operator, phone: true);
        await page.GotoAsync($"/tableau-de-bord/sites/{Rouen}/{Refinery}/publier");
        await page.GetByLabel("Type d’événement").SelectOptionAsync("flare");
        await page.GetByLabel("Lumière").CheckAsync();
        await page.GetByLabel("Titre (120 caractères au plus)").FillAsync(title);
        await page.GetByLabel("Message aux riverains").FillAsync("Une flamme est visible au-dessus de la raffinerie.");
        await page.GetByLabel("Consignes (facultatif)").FillAsync("Aucune action n’est nécessaire.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();

        var card = page.Locator(".preview article.notice");
        await Expect(card).ToContainTextAsync(title);
        await Expect(card.Locator(".tags .tag")).ToHaveCountAsync(2);
        await Expect(card.Locator(".tags .tag").First).ToContainTextAsync("Torchage");
        await Expect(card.Locator(".tags .tag").Last).ToContainTextAsync("Lumière");
        await Expect(card.Locator(".notice__instructions")).ToContainTextAsync("Aucune action n’est nécessaire.");
        await Expect(card.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        var previewStart = await card.Locator(".notice__times time").First.InnerTextAsync();
        var previewBorder = await card.EvaluateAsync<string>("card => getComputedStyle(card).borderLeftColor");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "allo-publish-preview-390.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Publier", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("La notice est publiée.");
        var id = page.Url.Split("/notices/")[1].Split('?')[0];
        await page.GotoAsync($"/{Rouen}");
        var published = page.Locator($"article[data-notice-id=\"{id}\"]");
        Assert.Equal(previewStart, await published.Locator(".notice__times time").First.InnerTextAsync());
        // The live list may redraw the card meanwhile (its audio becomes ready): the assertion finds it again.
        await Expect(published).ToHaveCSSAsync("border-left-color", previewBorder);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_audit_journal_fits_a_1366_px_laptop_with_each_change_folded_to_the_fields_that_changed()
    {
        var id = await PublishWithKey(fixture.Service, Rouen, Refinery, $"Odeur du journal {Guid.NewGuid():N}"[..25]);
        var admin = await fixture.Session(Role.TerritoryAdmin);
        AssertAccepted(await admin.Post($"/tableau-de-bord/notices/{id}?handler=Update", new() { ["message"] = "Le vent tourne." }));

        var page = await fixture.SignedInPage(Role.TerritoryAdmin);
        await page.GotoAsync($"/tableau-de-bord/journal/{Rouen}");
        var row = page.Locator("tr[data-action=\"notice.point\"]").Filter(new() { HasText = id }).First;
        var change = row.Locator("details");
        await Expect(change).ToHaveCountAsync(1);
        await Expect(change.Locator("summary")).ToContainTextAsync("version");
        await Expect(change.Locator("summary")).ToContainTextAsync("lastUpdate");
        Assert.False(await change.EvaluateAsync<bool>("d => d.open"));
        await change.Locator("summary").ClickAsync();
        await Expect(change.Locator("tr").Filter(new() { HasText = "lastUpdate" })).ToContainTextAsync("Le vent tourne.");

        // Nothing scrolls sideways, and the date stays on one line.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The journal scrolls sideways at 1366 px.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "allo-journal-1366.png"), FullPage = false });
        foreach (var cell in new[] { "td.when", "td.ip", "td.action" })
        {
            var lines = await row.Locator(cell).EvaluateAsync<double>("td => { const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length; }");
            Assert.True(lines == 1, $"{cell} spreads over {lines} lines at 1366 px.");
        }
        await Axe.AssertAccessible(page, "journal replié");
        await page.Context.CloseAsync();
    }
}
