using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace AlloIndustrie.Tests.Public;

/// <summary>
/// What a resident's browser downloads, counted by the browser itself (Resource Timing's transferSize: headers and
/// compressed body, 0 when served from its cache): a first visit, a repeat visit, and a change seen live.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageWeightTests(BrowserFixture fixture)
{
    private const string PagePath = $"/{PublicSiteClient.Territory}";

    [Fact]
    public async Task A_first_visit_with_ten_notices_is_under_60_KB_and_a_repeat_visit_is_the_page_alone()
    {
        var ids = await PublishTen();
        try
        {
            var page = await fixture.NewPage();
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync(PagePath);
            await Expect(page.Locator("[data-live][data-connected]")).ToHaveCountAsync(1);
            Assert.True(await page.Locator("article[data-notice-id]").CountAsync() >= 10);

            var first = await Transfers(page);
            var total = first.Sum(transfer => transfer.Bytes);
            Assert.True(total < 60_000, $"first visit: {total} bytes in {first.Count} requests: {Describe(first)}");
            Assert.DoesNotContain(first, transfer => transfer.Url.Contains("leaflet", StringComparison.Ordinal));
            var document = Assert.Single(first, transfer => transfer.Kind == "navigation");
            Assert.True(document.Bytes < 8_000, $"page: {document.Bytes} bytes");

            // The map and its library come when the reader reaches the list of sites.
            await page.Locator("#sites-title").ScrollIntoViewIfNeededAsync();
            await Expect(page.Locator("[data-map] .leaflet-pane")).Not.ToHaveCountAsync(0);

            await page.ReloadAsync();
            await Expect(page.Locator("[data-live][data-connected]")).ToHaveCountAsync(1);
            await page.Locator("#sites-title").ScrollIntoViewIfNeededAsync();
            await Expect(page.Locator("[data-map] .leaflet-pane")).Not.ToHaveCountAsync(0);
            // Besides the live connection's negotiation (a WebSocket follows), which is no content.
            var again = (await Transfers(page)).Where(transfer => transfer.Bytes > 0 && !transfer.Url.Contains("/hubs/", StringComparison.Ordinal)).ToList();
            Assert.True(again.Count == 1 && again[0].Kind == "navigation", $"repeat visit: {Describe(again)}");
            await page.Context.CloseAsync();
        }
        finally
        {
            foreach (var id in ids)
            {
                await fixture.Api.Withdraw(id);
            }
        }
    }

    [Fact]
    public async Task A_change_shows_in_an_open_page_without_the_browser_fetching_anything()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync(PagePath);
        await Expect(page.Locator("[data-live][data-connected]")).ToHaveCountAsync(1);
        var before = (await Transfers(page)).Count;

        var title = $"Torchage poussé en direct {Guid.NewGuid():N}";
        var id = await fixture.Api.Publish(title);
        var article = page.Locator($"article[data-notice-id=\"{id}\"]");
        await Expect(article.Locator("h3")).ToHaveTextAsync(title);
        await fixture.Api.Update(id, "La flamme diminue.");
        await Expect(article).ToContainTextAsync("La flamme diminue.");
        await fixture.Api.End(id);
        await Expect(article).ToHaveAttributeAsync("data-status", "ended");
        await fixture.Api.Withdraw(id);
        await Expect(article).ToHaveCountAsync(0);

        var after = await Transfers(page);
        Assert.True(after.Count == before, $"fetched after the changes: {Describe(after.Skip(before).ToList())}");
        await page.Context.CloseAsync();
    }

    private async Task<List<string>> PublishTen()
    {
        var ids = new List<string>();
        for (var index = 1; index <= 10; index++)
        {
            ids.Add(await fixture.Api.Publish($"Torchage n° {index} pour le poids de la page"));
        }

        // The page's cache learns of a publication a moment later, through the territory's observer: the weight
        // measured is that of a page that already lists them, not of one that the live list then catches up.
        await Polling.Eventually("the page to list the ten notices", TimeSpan.FromSeconds(30), async () =>
        {
            var html = await fixture.Service.Http.GetStringAsync(PagePath);
            return ids.All(id => html.Contains(id, StringComparison.Ordinal));
        });

        // Nor one whose notices then change under it: each audio's readiness is a change the open page catches up
        // with (rightly), which a repeat visit made meanwhile would count as a second request.
        await Polling.Eventually("the ten notices' audio", TimeSpan.FromSeconds(120), async () =>
        {
            foreach (var id in ids)
            {
                var notice = await fixture.Service.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"api/v1/notices/{id}");
                if (notice?["audioUrl"] is null)
                {
                    return false;
                }
            }

            return true;
        });
        return ids;
    }

    private static async Task<List<Transfer>> Transfers(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            () => performance.getEntries()
              .filter(entry => entry.entryType === 'navigation' || entry.entryType === 'resource')
              .map(entry => ({ url: entry.name, kind: entry.entryType, bytes: entry.transferSize }))
            """);
        return [.. json.EnumerateArray().Select(entry => new Transfer(entry.GetProperty("url").GetString()!, entry.GetProperty("kind").GetString()!, entry.GetProperty("bytes").GetInt64()))];
    }

    private static string Describe(List<Transfer> transfers) => string.Join("; ", transfers.Select(transfer => $"{transfer.Url} {transfer.Bytes}"));

    private sealed record Transfer(string Url, string Kind, long Bytes);
}
