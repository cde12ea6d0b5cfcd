using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace AlloIndustrie.Tests.Reports;

/// <summary>"Je signale" in a real browser: the script solves the challenge and shows the explaining notice in place.</summary>
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
}
