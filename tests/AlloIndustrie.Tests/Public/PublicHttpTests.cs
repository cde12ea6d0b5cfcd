using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Threading.Channels;
using System.Xml;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace AlloIndustrie.Tests.Public;

/// <summary>The public routes over real HTTP: errors, caching, feeds and the hub, as integrators see them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicHttpTests(BrowserFixture fixture)
{
    private const string Territory = PublicSiteClient.Territory;

    private HttpClient Http => fixture.Service.Http;

    [Theory]
    [InlineData("/inconnu")]
    [InlineData("/Pas_Un_Slug")]
    [InlineData("/le-havre-seine/notices/inconnue")]
    [InlineData("/le-havre-seine/sites/inconnu")]
    [InlineData("/inconnu/feed.atom")]
    public async Task Unknown_pages_are_a_proper_404_page(string path)
    {
        var response = await Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Page introuvable", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Feeds_never_link_to_the_host_a_client_names()
    {
        var id = await fixture.Api.Publish("Torchage sous un faux hôte");
        foreach (var path in new[] { $"/{Territory}/feed.atom", $"/{Territory}/cap.atom", $"/{Territory}/notices/{id}/cap.xml" })
        {
            // Sent first so that, cached, it would be what everyone else is served next.
            using var forged = new HttpRequestMessage(HttpMethod.Get, path);
            forged.Headers.Host = "piege.example";
            var body = await (await Http.SendAsync(forged)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("piege.example", body);
            Assert.Contains($"http://127.0.0.1:{fixture.Service.WebPort}/{Territory}", body);
            Assert.DoesNotContain("piege.example", await Http.GetStringAsync(path));
        }
    }

    [Fact]
    public async Task Pages_carry_a_strict_policy_and_only_the_widget_may_be_framed()
    {
        var page = await Http.GetAsync($"/{Territory}");
        var widget = await Http.GetAsync($"/{Territory}/widget");

        var pagePolicy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", pagePolicy);
        Assert.DoesNotContain("unsafe-inline", pagePolicy);
        Assert.Contains("frame-ancestors 'none'", pagePolicy);
        Assert.Contains("frame-ancestors *", string.Join(";", widget.Headers.GetValues("Content-Security-Policy")));
        Assert.False(widget.Headers.Contains("X-Frame-Options"));
    }

    [Fact]
    public async Task A_kept_page_is_answered_to_GET_alone_with_the_same_bytes_and_headers_each_time()
    {
        var path = $"/{Territory}";
        var first = await Http.GetAsync(path);
        var kept = await Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await kept.Content.ReadAsByteArrayAsync());
        foreach (var header in new[] { "ETag", "Cache-Control", "Vary", "Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy" })
        {
            Assert.Equal(first.Headers.GetValues(header), kept.Headers.GetValues(header));
        }

        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete })
        {
            using var request = new HttpRequestMessage(method, path) { Content = new StringContent("") };
            Assert.Equal(HttpStatusCode.MethodNotAllowed, (await Http.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task A_reader_who_has_the_page_gets_304_until_a_notice_changes()
    {
        foreach (var path in new[] { $"/{Territory}", $"/{Territory}/feed.atom", $"/{Territory}/cap.atom" })
        {
            var first = await Http.GetAsync(path);
            var etag = first.Headers.ETag;
            Assert.NotNull(etag);

            Assert.Equal(HttpStatusCode.NotModified, (await Conditional(path, etag)).StatusCode);
        }

        var before = (await Http.GetAsync($"/{Territory}/feed.atom")).Headers.ETag!;
        var id = await fixture.Api.Publish("Torchage pour le cache");

        // The cache lasts longer than this wait: only the change signal can make the new notice show so soon.
        HttpResponseMessage? after = null;
        await Polling.Eventually("the feed to change", TimeSpan.FromSeconds(5), async () =>
            (after = await Conditional($"/{Territory}/feed.atom", before)).StatusCode != HttpStatusCode.NotModified);
        Assert.Equal(HttpStatusCode.OK, after!.StatusCode);
        Assert.Contains(id, await after.Content.ReadAsStringAsync());
        await fixture.Api.Withdraw(id);
    }

    [Fact]
    public async Task Each_version_of_a_notice_is_a_valid_cap_alert_and_the_feeds_parse()
    {
        var id = await fixture.Api.Publish("Torchage <b>CAP</b>");
        var first = await Cap(id);
        Assert.Equal("Alert", first.Value("msgType"));
        Assert.Equal($"{id}-v1", first.Value("identifier"));

        // The CAP document is cached until the change signal reaches this node, a moment after the update.
        await fixture.Api.Update(id, "La flamme diminue.");
        var update = first;
        await Polling.Eventually("the CAP document of the update", TimeSpan.FromSeconds(5), async () => (update = await Cap(id)).Value("msgType") == "Update");
        Assert.StartsWith($"alloindustrie@127.0.0.1,{id}-v1,", update.Value("references"));

        var feed = await Feed($"/{Territory}/feed.atom");
        var entry = Assert.Single(feed.Items, item => item.Id.EndsWith(id, StringComparison.Ordinal));
        Assert.Contains("Torchage <b>CAP</b>", entry.Title.Text);

        await fixture.Api.End(id);
        Assert.Equal("AllClear", (await Cap(id)).Value("responseType"));

        await fixture.Api.Withdraw(id);
        Assert.Equal("Cancel", (await Cap(id)).Value("msgType"));
        var index = await Feed($"/{Territory}/cap.atom");
        Assert.Contains(index.Items, item => item.Links.Any(link => link.Uri.ToString().EndsWith($"/notices/{id}/cap.xml", StringComparison.Ordinal)));
        Assert.DoesNotContain((await Feed($"/{Territory}/feed.atom")).Items, item => item.Id.EndsWith(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_hub_pushes_each_change_as_contract_json()
    {
        var received = Channel.CreateUnbounded<JsonElement>();
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(fixture.Service.BaseAddress, "hubs/notices")).Build();
        hub.On<JsonElement>("noticeChanged", notice => received.Writer.TryWrite(notice));
        await hub.StartAsync();
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Watch", "inconnu"));
        await hub.InvokeAsync("Watch", Territory);

        var id = await fixture.Api.Publish("Torchage en direct");
        var published = await Next(received, id);
        Assert.Equal("active", published.GetProperty("status").GetString());
        Assert.Equal("Torchage en direct", published.GetProperty("title").GetString());
        Assert.Equal(Territory, published.GetProperty("territory").GetString());

        await fixture.Api.Withdraw(id);
        Assert.Equal("withdrawn", (await Next(received, id)).GetProperty("status").GetString());
    }

    private static async Task<JsonElement> Next(Channel<JsonElement> received, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var notice = await received.Reader.ReadAsync(timeout.Token);
            if (notice.GetProperty("id").GetString() == id)
            {
                return notice;
            }
        }
    }

    private async Task<HttpResponseMessage> Conditional(string path, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return await Http.SendAsync(request);
    }

    private async Task<System.Xml.Linq.XDocument> Cap(string id)
    {
        var response = await Http.GetAsync($"/{Territory}/notices/{id}/cap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return CapDocuments.Validate(await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<SyndicationFeed> Feed(string path)
    {
        using var reader = XmlReader.Create(await Http.GetStreamAsync(path));
        return SyndicationFeed.Load(reader);
    }
}
