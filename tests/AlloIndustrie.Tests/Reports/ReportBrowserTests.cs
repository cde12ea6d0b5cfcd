using System.Net;
using System.Text.Json.Nodes;
using AlloIndustrie.Grains.Interfaces.Reports;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace AlloIndustrie.Tests.Reports;

/// <summary>
/// "Je signale" in a real browser: the script solves the challenge and shows the explaining notice in place;
/// unexplained reports from several residents appear live on the dashboard of an operator concerned; the
/// device's position picks the commune; the heat map draws the communes that reported; administrators give
/// the communes' centres. Every page changed for it passes axe-core.
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class ReportBrowserTests(ReportsFixture fixture)
{
    [Fact]
    public async Task A_report_made_in_the_page_is_matched_to_the_published_notice()
    {
        var id = await ReportClient.Publish(fixture.Service, "rouen-metropole", "chimie-grand-quevilly", "odour", ["odour"], "Odeur de <soufre> près de l’usine");
        var page = await fixture.NewPage();
        await page.GotoAsync("rouen-metropole");

        var form = page.Locator("[data-report-form]");
        await form.GetByLabel("Une odeur").CheckAsync();
        await form.GetByLabel("Votre commune").SelectOptionAsync("Sotteville-lès-Rouen");
        await form.GetByLabel("Précisions").FillAsync("Ça sent l’œuf pourri depuis ce matin.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon signalement" }).ClickAsync();

        var status = page.Locator("[data-report-status]");
        await Expect(status).ToContainTextAsync("C’est probablement expliqué par", new() { Timeout = 30_000 });
        var link = status.GetByRole(AriaRole.Link, new() { Name = "Odeur de <soufre> près de l’usine" });
        await Expect(link).ToHaveAttributeAsync("href", $"/rouen-metropole/notices/{id}");

        // The page did not leave: the script answered in place.
        Assert.EndsWith("/rouen-metropole", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Using_my_position_fills_the_commune_from_a_rounded_position_and_the_report_is_accepted()
    {
        // Rue du Beau Panorama, Sainte-Adresse: 400 m from its centre, 2.7 km from Le Havre's.
        var page = await fixture.NewPage(new Geolocation { Latitude = 49.5123f, Longitude = 0.0817f });
        await page.GotoAsync("le-havre-seine");
        var form = page.Locator("[data-report-form]");
        await form.GetByLabel("Une lumière, une flamme").CheckAsync();
        await Expect(form.GetByLabel("Votre commune")).ToHaveValueAsync("");

        var locate = await page.RunAndWaitForRequestAsync(
            () => form.GetByRole(AriaRole.Button, new() { Name = "Utiliser ma position" }).ClickAsync(),
            request => request.Url.EndsWith("/reports/locate", StringComparison.Ordinal));
        await Expect(form.GetByLabel("Votre commune")).ToHaveValueAsync("Sainte-Adresse");
        await Expect(form.Locator("[data-report-locate-status]")).ToContainTextAsync("Commune trouvée : Sainte-Adresse");

        // What left the browser is the grid point, not the position.
        var sent = JsonNode.Parse(locate.PostData!)!;
        var (latitude, longitude) = (sent["latitude"]!.GetValue<double>(), sent["longitude"]!.GetValue<double>());
        Assert.NotEqual(49.5123, latitude, 4);
        Assert.Equal(ReportLocation.Round(49.5123, 0.0817), ReportLocation.Round(latitude, longitude));
        Assert.Equal(ReportLocation.Round(49.5123, 0.0817).Latitude, latitude, 9);
        Assert.Equal(ReportLocation.Round(49.5123, 0.0817).Longitude, longitude, 9);

        await Axe.AssertAccessible(page, "page publique, commune trouvée");
        await form.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon signalement" }).ClickAsync();
        await Expect(page.Locator("[data-report-status]")).ToContainTextAsync("Merci, votre signalement est enregistré", new() { Timeout = 30_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_a_position_granted_the_resident_is_told_to_choose_in_the_list()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync("le-havre-seine");
        var form = page.Locator("[data-report-form]");
        await form.GetByRole(AriaRole.Button, new() { Name = "Utiliser ma position" }).ClickAsync();
        await Expect(form.Locator("[data-report-locate-status]")).ToContainTextAsync("choisissez votre commune dans la liste", new() { Timeout = 30_000 });
        await Expect(form.GetByLabel("Votre commune")).ToHaveValueAsync("");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_heat_map_draws_one_circle_per_commune_that_reported_with_its_text_alongside()
    {
        foreach (var host in new[] { 30, 31 })
        {
            using var resident = fixture.From(host);
            Assert.Equal(HttpStatusCode.Created, (await ReportClient.Report(resident, "le-havre-seine", "smoke", "Rogerville")).StatusCode);
        }

        var page = await fixture.NewPage();
        await page.GotoAsync("le-havre-seine");
        var line = page.Locator("[data-report-heat][data-commune=\"Rogerville\"]");

        // Each web node keeps a rendered page up to 30 seconds: a copy from before the reports may be served until then.
        await Polling.Eventually("the reports to reach the page's heat map", TimeSpan.FromSeconds(45), async () =>
        {
            if (await line.CountAsync() > 0)
            {
                return true;
            }

            await page.ReloadAsync();
            return false;
        });

        await Expect(line).ToHaveTextAsync("Rogerville : 2 signalements (fumée 2)");

        // The map is drawn once the reader comes near it.
        await page.Locator("#sites-title").ScrollIntoViewIfNeededAsync();
        var circle = page.Locator("[data-map] path.report-heat[data-commune=\"Rogerville\"]");
        await Expect(circle).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-map] path.report-heat")).ToHaveCountAsync(await page.Locator("[data-report-heat]").CountAsync());

        await circle.HoverAsync(new() { Force = true });
        await Expect(page.Locator(".leaflet-tooltip:not(.map-commune):not(.map-site)")).ToHaveTextAsync("Rogerville : 2 signalements (fumée 2)");
        await Axe.AssertAccessible(page, "page publique avec la carte des signalements");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_site_name_shown_on_the_map_is_text_even_when_it_looks_like_markup()
    {
        var page = await fixture.NewPage();

        // Administrators name sites; the page escapes the name in its attribute, and the map must not turn it back into markup.
        await page.RouteAsync("**/rouen-metropole", async route =>
        {
            var response = await route.FetchAsync();
            var html = await response.TextAsync();
            var named = System.Text.RegularExpressions.Regex.Replace(
                html, "(<li data-site-marker[^>]*?data-name=\")[^\"]*", "$1&lt;img src=x data-injected&gt;Usine", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            Assert.NotEqual(html, named);
            await route.FulfillAsync(new() { Response = response, Body = named });
        });
        await page.GotoAsync("rouen-metropole");
        await page.Locator("#sites-title").ScrollIntoViewIfNeededAsync();

        var marker = page.Locator("[data-map] path.leaflet-interactive:not(.report-heat)").First;
        await marker.HoverAsync(new() { Force = true });
        await Expect(page.Locator(".leaflet-tooltip.map-site").First).ToContainTextAsync("<img src=x data-injected>Usine");
        await Expect(page.Locator("[data-map] [data-injected]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_territory_administrator_gives_commune_centres_with_clear_errors_and_an_audit_entry()
    {
        var admin = fixture.Service.Credentials.TerritoryAdmins.Single(a => a.Territory == "rouen-metropole");
        var page = await fixture.NewPage();
        await page.GotoAsync("tableau-de-bord/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(admin.Email);
        await page.GetByLabel("Mot de passe").FillAsync(admin.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Bonjour");

        await page.GotoAsync("tableau-de-bord/territoires/rouen-metropole");
        var latitude = page.GetByLabel("Latitude du centre de Canteleu");
        var longitude = page.GetByLabel("Longitude du centre de Canteleu");
        await Expect(page.GetByLabel("Latitude du centre de Rouen", new() { Exact = true })).ToHaveValueAsync("49.443");
        await Expect(latitude).ToHaveValueAsync("49.441");
        await Axe.AssertAccessible(page, "administration du territoire");

        // Latitude and longitude swapped: refused with a French error naming the commune, and nothing saved.
        await latitude.FillAsync("1.026");
        await longitude.FillAsync("49.441");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les centres" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("« Canteleu » : ce centre est à plus de 50 km de tous les sites du territoire");
        await Expect(latitude).ToHaveValueAsync("1.026");
        await Axe.AssertAccessible(page, "administration du territoire, centres refusés");

        await latitude.FillAsync("quarante-neuf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les centres" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("« Canteleu » : la latitude doit être un nombre entre -90 et 90");
        await page.GotoAsync("tableau-de-bord/territoires/rouen-metropole");
        await Expect(latitude).ToHaveValueAsync("49.441");

        // A French decimal comma is read as a point.
        await latitude.FillAsync("49,4412");
        await longitude.FillAsync("1,0262");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les centres" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Réglages enregistrés.");
        await Expect(latitude).ToHaveValueAsync("49.4412");
        await Expect(longitude).ToHaveValueAsync("1.0262");

        await page.GotoAsync("tableau-de-bord/journal/rouen-metropole");
        var entry = page.Locator($"tr[data-action=\"territoire.communes\"][data-actor=\"{admin.Email}\"]");
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync("49.4412");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_cluster_of_unexplained_reports_appears_live_on_the_operators_dashboard_and_is_acknowledged()
    {
        var login = fixture.Service.Credentials.Operators.Single(o => o.Sites.Contains("raffinerie-petit-couronne"));
        var page = await fixture.NewPage();
        await page.GotoAsync("tableau-de-bord/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(login.Email);
        await page.GetByLabel("Mot de passe").FillAsync(login.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Bonjour");
        var alerts = page.Locator("[data-report-alerts]");
        await Expect(page.Locator("[data-report-alerts][data-connected]")).ToHaveCountAsync(1);
        await Expect(alerts.Locator(".report-alert.open")).ToHaveCountAsync(0);

        // Grand-Couronne perceives only the refinery, where no notice explains a noise.
        foreach (var host in new[] { 20, 21, 22 })
        {
            using var resident = fixture.From(host);
            var response = await ReportClient.Report(resident, "rouen-metropole", "noise", "Grand-Couronne", "Bruit <sourd> continu");
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        }

        var alert = alerts.Locator(".report-alert.open");
        await Expect(alert).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Expect(alert).ToContainTextAsync("Bruit : 3 habitants");
        await Expect(alert).ToContainTextAsync("Grand-Couronne : 3");
        await Expect(alert).ToContainTextAsync("Bruit <sourd> continu");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Nouvelle alerte de signalements.");

        await alert.GetByRole(AriaRole.Button, new() { Name = "Accuser réception" }).ClickAsync();
        var done = alerts.Locator(".report-alert.done");
        await Expect(done).ToContainTextAsync("Prise en compte par ");
        await Expect(alerts.Locator(".report-alert.open")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
