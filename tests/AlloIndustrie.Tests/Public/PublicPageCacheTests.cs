using System.Text;
using AlloIndustrie.WebFront.Public;
using AlloIndustrie.WebFront.Public.Caching;
using AlloIndustrie.WebFront.Public.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlloIndustrie.Tests.Public;

public sealed class PublicPageCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly PublicPageCache _cache;
    private int _renders;

    public PublicPageCacheTests() => _cache = new PublicPageCache(new PublicSiteOptions { CacheDuration = TimeSpan.FromSeconds(30) }, _clock);

    [Fact]
    public async Task A_page_is_rendered_once_then_served_until_its_territory_changes()
    {
        var first = await Serve("/rouen", Page("v1"));
        var second = await Serve("/rouen", Page("v2"));
        Assert.Same(first, second);
        Assert.Equal(1, _renders);

        _cache.Evict("le-havre");
        Assert.Same(first, await Serve("/rouen", Page("v3")));

        _cache.Evict("rouen");
        var after = await Serve("/rouen", Page("v4"));
        Assert.Equal("v4", Text(after));
        Assert.Equal(2, _renders);
    }

    [Fact]
    public async Task Language_and_view_are_part_of_the_key_and_other_query_values_are_not()
    {
        await Serve("/rouen", Page("fr"));
        Assert.Equal("en", Text(await Serve("/rouen", Page("en"), "?lang=en")));
        Assert.Equal("fr", Text(await Serve("/rouen", Page("x"), "?lang=xx&utm=1")));
        Assert.Equal("widget", Text(await Serve("/rouen/live", Page("widget"), "?view=widget")));
        Assert.Equal(3, _renders);
    }

    [Fact]
    public async Task Concurrent_first_readers_wait_for_a_single_rendering()
    {
        var release = new TaskCompletionSource<object?>();
        var readers = Enumerable.Range(0, 20).Select(_ => Serve("/rouen", async () =>
        {
            Interlocked.Increment(ref _renders);
            await release.Task;
            return PublicResponse.Page(PublicResponse.Html, Encoding.UTF8.GetBytes("once"));
        })).ToArray();

        release.SetResult(null);
        var pages = await Task.WhenAll(readers);

        Assert.Equal(1, _renders);
        Assert.All(pages, page => Assert.Same(pages[0], page));
    }

    [Fact]
    public async Task A_page_expires_at_the_next_change_it_announced_or_after_the_configured_duration()
    {
        await Serve("/rouen", Page("until-start", TimeSpan.FromSeconds(5)));
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal("until-start", Text(await Serve("/rouen", Page("x"))));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("started", Text(await Serve("/rouen", Page("started", TimeSpan.FromHours(1)))));

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("started", Text(await Serve("/rouen", Page("y"))));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("later", Text(await Serve("/rouen", Page("later"))));
    }

    [Fact]
    public async Task Only_successful_pages_are_kept_and_failures_are_not()
    {
        var missing = await Serve("/nowhere", () => Task.FromResult(PublicResponse.Page(PublicResponse.Html, [], StatusCodes.Status404NotFound)));
        Assert.Equal(StatusCodes.Status404NotFound, missing.Status);
        Assert.Equal("now", Text(await Serve("/nowhere", Page("now"))));

        await Assert.ThrowsAsync<TimeoutException>(() => Serve("/rouen", () => throw new TimeoutException()));
        Assert.Equal("back", Text(await Serve("/rouen", Page("back"))));
    }

    private Func<Task<PublicPage>> Page(string text, TimeSpan? validFor = null) => () =>
    {
        Interlocked.Increment(ref _renders);
        return Task.FromResult(PublicResponse.Page(PublicResponse.Html, Encoding.UTF8.GetBytes(text), validFor: validFor));
    };

    private async Task<PublicPage> Serve(string path, Func<Task<PublicPage>> render, string query = "")
    {
        var http = new DefaultHttpContext();
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("allo.test");
        http.Request.Path = path;
        http.Request.QueryString = new QueryString(query);
        http.Request.RouteValues["territory"] = path.Split('/')[1];
        var result = await _cache.Serve(new DefaultEndpointFilterInvocationContext(http), async _ => await render());
        return Assert.IsType<PublicPage>(result);
    }

    private static string Text(PublicPage page) => Encoding.UTF8.GetString(page.Body);
}
