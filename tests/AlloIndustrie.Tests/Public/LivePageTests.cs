using System.Net;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace AlloIndustrie.Tests.Public;

/// <summary>The public page in a real browser, against the real processes, while an operator publishes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LivePageTests(BrowserFixture fixture)
{
    private const string PagePath = $"/{PublicSiteClient.Territory}";

    [Fact]
    public async Task A_notice_appears_changes_and_disappears_without_reload()
    {
        var page = await OpenTerritoryPage();
        await page.EvaluateAsync("() => window.sameDocument = true");

        var title = $"<script>alert(1)</script> torchage {Guid.NewGuid():N}";
        var id = await fixture.Api.Publish(title);
        var article = Article(page, id);
        await Expect(article).ToHaveAttributeAsync("data-status", "active");
        await Expect(article.Locator("h3")).ToHaveTextAsync(title);
        await Expect(article).ToContainTextAsync("en cours");
        await Expect(page.Locator("[data-announcer]")).ToContainTextAsync(title);
        await Expect(article.Locator(".notice__communes")).ToContainTextAsync("Perceptible depuis");
        await Expect(page.Locator("[data-live-note]")).ToBeVisibleAsync();

        await fixture.Api.End(id);
        await Expect(article).ToHaveAttributeAsync("data-status", "ended");
        await Expect(article).ToContainTextAsync("terminé");

        await fixture.Api.Withdraw(id);
        await Expect(article).ToHaveCountAsync(0);

        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        Assert.Empty(fixture.Dialogs);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_expired_notice_leaves_the_page_and_every_public_channel()
    {
        var page = await OpenTerritoryPage();

        var id = await fixture.Api.Publish($"Torchage bref {Guid.NewGuid():N}", retention: "PT10S");
        var article = Article(page, id);
        await Expect(article).ToHaveCountAsync(1);
        await Expect(article).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        Assert.DoesNotContain(id, await fixture.Service.Http.GetStringAsync($"{PublicSiteClient.Territory}"));
        Assert.DoesNotContain(id, await fixture.Service.Http.GetStringAsync($"{PublicSiteClient.Territory}/feed.atom"));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Service.Http.GetAsync($"{PublicSiteClient.Territory}/notices/{id}")).StatusCode);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task After_losing_the_connection_the_page_says_so_then_catches_up()
    {
        var page = await OpenTerritoryPage();
        var banner = page.Locator("[data-offline]");
        await Expect(banner).ToBeHiddenAsync();

        await page.Context.SetOfflineAsync(true);
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("Hors ligne");

        var id = await fixture.Api.Publish($"Publiée hors connexion {Guid.NewGuid():N}");
        Assert.Equal(0, await Article(page, id).CountAsync());

        await page.Context.SetOfflineAsync(false);
        await Expect(Article(page, id)).ToHaveAttributeAsync("data-status", "active");
        await Expect(banner).ToBeHiddenAsync();

        await fixture.Api.End(id);
        await Expect(Article(page, id)).ToHaveAttributeAsync("data-status", "ended");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_tiles_the_map_names_the_sites_marks_the_one_with_an_event_and_shows_the_communes()
    {
        var id = await fixture.Api.Publish($"Torchage sur la carte {Guid.NewGuid():N}");
        var page = await fixture.NewPage();
        await page.GotoAsync(PagePath);

        var sites = await page.Locator("[data-site-marker]").CountAsync();
        Assert.True(sites >= 2);
        // The map's library is fetched once the list of sites comes near the screen.
        await page.Locator("#sites-title").ScrollIntoViewIfNeededAsync();
        await Expect(page.Locator(".leaflet-tooltip.map-site")).ToHaveCountAsync(sites);
        await Expect(page.Locator(".leaflet-tooltip.map-site").First).ToBeVisibleAsync();
        var siteName = (await Article(page, id).Locator(".notice__site a").TextContentAsync())!;
        var current = page.Locator(".leaflet-tooltip.map-site--current").Filter(new() { HasText = siteName });
        await Expect(current).ToHaveCountAsync(1);
        await Expect(current).ToContainTextAsync("événement en cours");
        Assert.True(await page.Locator(".site-current").CountAsync() >= 1);
        Assert.True(await page.Locator(".leaflet-tooltip.map-commune").CountAsync() >= 3);
        await Expect(page.Locator(".leaflet-tooltip.map-commune").Filter(new() { HasText = "Harfleur" })).ToBeVisibleAsync();

        await fixture.Api.Withdraw(id);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_script_the_page_does_not_claim_to_update_itself_nor_keep_room_for_a_map()
    {
        var page = await fixture.NewPage(javaScript: false);
        await page.GotoAsync(PagePath);

        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-live-note]")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-map]")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-site-marker]").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_widget_updates_itself_too()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync($"{PagePath}/widget");
        await WaitUntilLive(page);

        var id = await fixture.Api.Publish($"Torchage vu du widget {Guid.NewGuid():N}");
        await Expect(Article(page, id)).ToHaveAttributeAsync("data-status", "active");

        // Framed in a town hall's page, a link must leave the frame: a notice's page refuses to be framed.
        var links = Article(page, id).Locator("a");
        Assert.True(await links.CountAsync() >= 3);
        foreach (var link in await links.AllAsync())
        {
            await Expect(link).ToHaveAttributeAsync("target", "_blank");
        }

        await Expect(Article(page, id).Locator(".notice__message")).ToContainTextAsync("Une flamme est visible");
        await Expect(Article(page, id)).ToContainTextAsync("Consignes — à lire dans l’avis complet");
        await fixture.Api.Withdraw(id);
        await Expect(Article(page, id)).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_open_page_and_widget_show_the_player_once_the_audio_exists_and_announce_the_notice_once()
    {
        var page = await OpenTerritoryPage();
        var widget = await fixture.NewPage();
        await widget.GotoAsync($"{PagePath}/widget");
        await WaitUntilLive(widget);
        foreach (var open in new[] { page, widget })
        {
            await open.EvaluateAsync(WatchScript);
        }

        var title = $"Torchage sonore {Guid.NewGuid():N}";
        var id = await fixture.Api.Publish(title, message: PublicSiteClient.LongMessage);
        foreach (var open in new[] { page, widget })
        {
            var article = Article(open, id);
            await Expect(article.Locator("audio")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
            await Expect(article).ToHaveAttributeAsync("data-audio", $"/audio/{id}/1.mp3");

            // The card was first shown without audio: the player came later, on the same page.
            Assert.True(await open.EvaluateAsync<bool>($"() => window.seenWithoutAudio.includes('{id}')"));
            Assert.True(await open.EvaluateAsync<bool>("() => window.sameDocument === true"));
        }

        // The audio is no news: screen readers heard of the notice once, not a second time with the player.
        await page.WaitForTimeoutAsync(1500);
        foreach (var open in new[] { page, widget })
        {
            var announcements = await open.EvaluateAsync<string[]>("() => window.announcements");
            Assert.Single(announcements, said => said.Contains(title, StringComparison.Ordinal));
        }

        await fixture.Api.Withdraw(id);
        await page.Context.CloseAsync();
        await widget.Context.CloseAsync();
    }

    /// <summary>Records every announcement and every notice seen without its audio, on the page itself.</summary>
    private const string WatchScript = """
        () => {
          window.sameDocument = true;
          window.announcements = [];
          window.seenWithoutAudio = [];
          const announcer = document.querySelector('[data-announcer]');
          new MutationObserver(() => window.announcements.push(announcer.textContent))
            .observe(announcer, { childList: true, characterData: true, subtree: true });
          new MutationObserver(() => {
            for (const article of document.querySelectorAll('article[data-notice-id]')) {
              if (!article.querySelector('audio')) {
                window.seenWithoutAudio.push(article.dataset.noticeId);
              }
            }
          }).observe(document.querySelector('[data-live]'), { childList: true, subtree: true });
        }
        """;

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task Nothing_moves_under_the_readers_finger_when_the_page_goes_live(int width, int height)
    {
        await fixture.Api.Publish($"Torchage {Guid.NewGuid():N}");
        var page = await fixture.NewPage();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync(PagePath);
        await WaitUntilLive(page);
        await Expect(page.Locator("[data-live-note]")).ToBeVisibleAsync();

        Assert.Empty(await LayoutShifts(page));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task Nothing_moves_under_the_readers_finger_when_the_map_comes_as_they_scroll_down(int width, int height)
    {
        var page = await fixture.NewPage();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync(PagePath);
        await WaitUntilLive(page);

        // The footer's way in for operators, where a reader reaching the bottom of the page puts a finger.
        var link = page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Espace exploitants" });
        await link.ScrollIntoViewIfNeededAsync();
        var before = await link.BoundingBoxAsync();
        await Expect(page.Locator("[data-map] .leaflet-pane")).Not.ToHaveCountAsync(0);
        await page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
        var after = await link.BoundingBoxAsync();

        Assert.NotNull(before);
        Assert.Equal((before.X, before.Y), (after!.X, after.Y));
        Assert.Empty(await LayoutShifts(page));
        await page.Context.CloseAsync();
    }

    /// <summary>Chromium reports each unexpected move of the layout (one a click could land beside its target).</summary>
    private static Task<double[]> LayoutShifts(IPage page) => page.EvaluateAsync<double[]>("""
        () => new Promise(resolve => {
          const seen = [];
          new PerformanceObserver(list => seen.push(...list.getEntries().filter(e => !e.hadRecentInput).map(e => e.value)))
            .observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(seen), 500);
        })
        """);

    private async Task<IPage> OpenTerritoryPage()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync(PagePath);
        await WaitUntilLive(page);
        return page;
    }

    /// <summary>The script marks the list once it watches the territory; changes before that are only in the next fetch.</summary>
    private static Task WaitUntilLive(IPage page) => Expect(page.Locator("[data-live][data-connected]")).ToHaveCountAsync(1);

    private static ILocator Article(IPage page, string id) => page.Locator($"article[data-notice-id=\"{id}\"]");
}
