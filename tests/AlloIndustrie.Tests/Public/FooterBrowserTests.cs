using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace AlloIndustrie.Tests.Public;

/// <summary>A resident follows the footer of the public pages, on a phone and on a laptop, in French and in English.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FooterBrowserTests(BrowserFixture fixture)
{
    private const string Territory = PublicSiteClient.Territory;

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task Each_footer_link_leads_to_its_page_and_the_operators_way_in(int width, int height)
    {
        var page = await fixture.NewPage();
        await page.SetViewportSizeAsync(width, height);
        foreach (var start in new[] { $"/{Territory}", $"/{Territory}/signalements", $"/{Territory}/abonnement" })
        {
            await page.GotoAsync(start);
            await Follow(page, "Accessibilité : non conforme", "Déclaration d’accessibilité", $"/{Territory}/accessibilite");
            await Expect(page.GetByText("Défenseur des droits")).ToBeVisibleAsync();

            await page.GotoAsync(start);
            await Follow(page, "Données personnelles", "Données personnelles", $"/{Territory}/donnees-personnelles");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vos signalements (« Je signale »)" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vos abonnements" })).ToBeVisibleAsync();

            await page.GotoAsync(start);
            await Follow(page, "Mentions légales", "Mentions légales", $"/{Territory}/mentions-legales");
            await Expect(page.Locator("[data-publisher]")).Not.ToBeEmptyAsync();

            await page.GotoAsync(start);
            await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Espace exploitants" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tableau-de-bord/connexion"));
            await Expect(page.GetByLabel("Adresse e-mail")).ToBeVisibleAsync();
        }

        // Each legal page has the footer too, and leads back to the territory.
        await page.GotoAsync($"/{Territory}/mentions-legales");
        await Follow(page, "Données personnelles", "Données personnelles", $"/{Territory}/donnees-personnelles");
        await page.Locator("nav.crumbs a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{Territory}$"));

        await page.GotoAsync($"/{Territory}");
        await page.Locator("footer").ScreenshotAsync(new() { Path = Screenshot($"footer-{width}.png") });
        await page.GotoAsync($"/{Territory}/donnees-personnelles");
        await page.ScreenshotAsync(new() { Path = Screenshot($"privacy-{width}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task In_English_the_footer_and_its_pages_stay_in_English()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/{Territory}?lang=en");
        await Follow(page, "Legal notice", "Legal notice", $"/{Territory}/mentions-legales?lang=en");
        await Follow(page, "Accessibility: not compliant", "Accessibility statement", $"/{Territory}/accessibilite?lang=en");
        await Follow(page, "Personal data", "Personal data", $"/{Territory}/donnees-personnelles?lang=en");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("jours");
        await Expect(page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Operators’ area" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_widget_has_no_footer()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"/{Territory}/widget");
        await Expect(page.Locator("[data-live-list]")).ToBeVisibleAsync();
        await Expect(page.Locator("footer")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private static async Task Follow(IPage page, string link, string heading, string path)
    {
        var footerLink = page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = link, Exact = true });
        await footerLink.ScrollIntoViewIfNeededAsync();
        await Expect(footerLink).ToBeVisibleAsync();
        await footerLink.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        Assert.EndsWith(path, page.Url, StringComparison.Ordinal);
    }

    private static string Screenshot(string name) => Path.Combine(Path.GetTempPath(), $"allo-{name}");
}
