using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace AlloIndustrie.Tests.Public;

/// <summary>axe-core finds no WCAG 2.1 A or AA violation on the pages residents use.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_public_pages_have_no_WCAG_A_or_AA_violation()
    {
        var id = await fixture.Api.Publish("Torchage accessible", exercise: true);
        var page = await fixture.NewPage();
        var territory = PublicSiteClient.Territory;

        foreach (var path in new[] { "/", $"/{territory}", $"/{territory}/notices/{id}", $"/{territory}/widget", $"/{territory}/sites/{PublicSiteClient.Site}", $"/{territory}?lang=en" })
        {
            await page.GotoAsync(path);
            if (path != "/")
            {
                await Expect(page.Locator("main")).ToContainTextAsync("Torchage accessible");
            }

            var result = await page.RunAxe(Axe.WcagAA);
            Assert.True(result.Violations.Length == 0, $"{path}: " + string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
        }

        await fixture.Api.Withdraw(id);
        await page.Context.CloseAsync();
    }
}
