using System.Text;
using AlloIndustrie.WebFront.Residents;
using AlloIndustrie.WebFront.Residents.Caching;
using AlloIndustrie.WebFront.Residents.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlloIndustrie.Tests.Public;

/// <summary>The web node's cache of rendered pages: one rendering per change of a territory, however many readers arrive at once.</summary>
public sealed class PublicPageCacheTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 7, 14, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Readers_arriving_together_after_a_change_share_one_rendering()
    {
        var cache = new PublicPageCache(new PublicSiteOptions(), clock);
        var renderings = 0;
        var release = new TaskCompletionSource();
        async Task<PublicPage> Render()
        {
            Interlocked.Increment(ref renderings);
            await release.Task;
            return Page("liste");
        }

        var waiting = 0;
        var readers = Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
        {
            var page = cache.GetOrRender("/rouen|fr||", "rouen", null, Render);
            Interlocked.Increment(ref waiting);
            return await page;
        })).ToArray();

        // Every reader has asked for the page before the rendering ends.
        await Polling.Eventually("every reader to ask for the page", TimeSpan.FromSeconds(10), () => Volatile.Read(ref waiting) == readers.Length);
        release.SetResult();
        var pages = await Task.WhenAll(readers);

        Assert.Equal(1, renderings);
        Assert.All(pages, page => Assert.Same(pages[0], page));
    }

    [Fact]
    public async Task A_change_makes_every_page_of_its_territory_stale_even_one_being_rendered()
    {
        var cache = new PublicPageCache(new PublicSiteOptions(), clock);
        var release = new TaskCompletionSource();
        var before = cache.GetOrRender("/rouen|fr||", "rouen", null, async () =>
        {
            await release.Task;
            return Page("avant");
        });
        var other = await cache.GetOrRender("/havre|fr||", "havre", null, () => Task.FromResult(Page("havre")));

        cache.Evict("rouen");
        release.SetResult();
        await before;

        Assert.Equal("après", Text(await cache.GetOrRender("/rouen|fr||", "rouen", null, () => Task.FromResult(Page("après")))));
        Assert.Same(other, await cache.GetOrRender("/havre|fr||", "havre", null, () => Task.FromResult(Page("autre"))));
    }

    [Fact]
    public async Task A_page_is_kept_until_a_notice_on_it_starts_or_expires_and_errors_are_not_kept()
    {
        var cache = new PublicPageCache(new PublicSiteOptions(), clock);
        await cache.GetOrRender("/rouen|fr||", "rouen", null, () => Task.FromResult(Page("v1", validFor: TimeSpan.FromSeconds(5))));

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal("v1", Text(await cache.GetOrRender("/rouen|fr||", "rouen", null, () => Task.FromResult(Page("v2")))));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("v3", Text(await cache.GetOrRender("/rouen|fr||", "rouen", null, () => Task.FromResult(Page("v3")))));

        await cache.GetOrRender("/inconnu|fr||", null, null, () => Task.FromResult(Page("introuvable", StatusCodes.Status404NotFound)));
        Assert.Equal(StatusCodes.Status200OK, (await cache.GetOrRender("/inconnu|fr||", null, null, () => Task.FromResult(Page("trouvé")))).Status);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrRender("/panne|fr||", null, null, () => throw new InvalidOperationException()));
        Assert.Equal("rétabli", Text(await cache.GetOrRender("/panne|fr||", null, null, () => Task.FromResult(Page("rétabli")))));
    }

    [Fact]
    public async Task A_page_is_compressed_once_before_readers_get_it_and_each_encoding_decodes_to_the_page()
    {
        var cache = new PublicPageCache(new PublicSiteOptions(), clock);
        var html = string.Concat(Enumerable.Repeat("<article>Torchage en cours, une flamme est visible.</article>", 100));

        var page = await cache.GetOrRender("/rouen|fr||", "rouen", null, () => Task.FromResult(PublicResponse.Page(PublicResponse.Html, Encoding.UTF8.GetBytes(html))));

        foreach (var accepted in new[] { "br", "gzip", "gzip, deflate, br", "br;q=0, gzip" })
        {
            var request = new DefaultHttpContext().Request;
            request.Headers.AcceptEncoding = accepted;
            var (bytes, encoding) = page.Body.For(request);
            Assert.Equal(accepted.StartsWith("br;q=0", StringComparison.Ordinal) || accepted == "gzip" ? EncodedBody.Gzip : EncodedBody.Brotli, encoding);
            Assert.True(bytes.Length < html.Length / 10, $"{bytes.Length} bytes in {encoding}");
            Assert.Equal(html, Decode(bytes, encoding));
        }

        Assert.Null(page.Body.For(new DefaultHttpContext().Request).Encoding);
    }

    [Fact]
    public async Task Only_a_rendered_current_page_is_offered_before_routing_with_the_endpoint_that_rendered_it()
    {
        var cache = new PublicPageCache(new PublicSiteOptions(), clock);
        var endpoint = new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "/{territory}");
        var release = new TaskCompletionSource();
        var rendering = cache.GetOrRender("/rouen|fr||", "rouen", endpoint, async () =>
        {
            await release.Task;
            return Page("v1", validFor: TimeSpan.FromSeconds(5));
        });

        // Still being rendered: the request goes on to its endpoint, which waits for that rendering.
        Assert.False(cache.TryGetCurrent("/rouen|fr||", out _, out _));
        release.SetResult();
        var rendered = await rendering;

        Assert.True(cache.TryGetCurrent("/rouen|fr||", out var kept, out var by));
        Assert.Same(rendered, kept);
        Assert.Same(endpoint, by);
        Assert.False(cache.TryGetCurrent("/rouen|en||", out _, out _));

        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.False(cache.TryGetCurrent("/rouen|fr||", out _, out _));

        await cache.GetOrRender("/rouen|fr||", "rouen", endpoint, () => Task.FromResult(Page("v2")));
        cache.Evict("rouen");
        Assert.False(cache.TryGetCurrent("/rouen|fr||", out _, out _));

        await cache.GetOrRender("/inconnu|fr||", null, endpoint, () => Task.FromResult(Page("introuvable", StatusCodes.Status404NotFound)));
        Assert.False(cache.TryGetCurrent("/inconnu|fr||", out _, out _));
        await cache.GetOrRender("/sans-route|fr||", null, null, () => Task.FromResult(Page("rendu hors d'une route")));
        Assert.False(cache.TryGetCurrent("/sans-route|fr||", out _, out _));
    }

    private static string Decode(byte[] bytes, string? encoding)
    {
        using Stream input = encoding == EncodedBody.Brotli
            ? new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(input, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static PublicPage Page(string text, int status = StatusCodes.Status200OK, TimeSpan? validFor = null) =>
        PublicResponse.Page(PublicResponse.Html, Encoding.UTF8.GetBytes(text), status, validFor);

    private static string Text(PublicPage page) => Encoding.UTF8.GetString(page.Body.Identity);
}
