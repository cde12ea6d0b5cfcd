using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.WebFront.Residents.Reading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace AlloIndustrie.Tests.Public;

/// <summary>
/// A territory whose page holds hundreds of ended notices (as its index would after a long incident across many
/// sites) answers its page and JSON one page at a time, over real HTTP.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ArchivePagingHttpTests(BrowserFixture fixture)
{
    private const string Territory = "archives-nombreuses";
    private const int Ended = 300;

    [Fact]
    public async Task Hundreds_of_ended_notices_come_in_pages_on_the_page_and_in_the_JSON()
    {
        await Seed();
        var http = fixture.Service.Http;

        var first = await http.GetStringAsync(Territory);
        Assert.Equal(ArchivePaging.EndedPerPage + 1, Articles().Count(first));
        Assert.Contains($"<a rel=\"next\" href=\"/{Territory}?page=2\">", first);

        var lastPage = Ended / ArchivePaging.EndedPerPage;
        var last = await http.GetStringAsync($"{Territory}?page={lastPage}");
        Assert.Equal(ArchivePaging.EndedPerPage, Articles().Count(last));
        Assert.Contains($"<a rel=\"prev\" href=\"/{Territory}?page={lastPage - 1}\">", last);
        Assert.DoesNotContain("rel=\"next\"", last);
        Assert.Contains("data-notice-id=\"" + Id(Ended - 1) + "\"", last);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{Territory}?page={lastPage + 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{Territory}?page=abc")).StatusCode);

        var json = await http.GetAsync($"api/v1/territories/{Territory}/notices");
        Assert.Equal(ArchivePaging.EndedPerPage + 1, (await json.Content.ReadFromJsonAsync<JsonArray>())!.Count);
        Assert.Equal($"</api/v1/territories/{Territory}/notices?page=2>; rel=\"next\"", json.Headers.GetValues("Link").Single());

        var older = await http.GetAsync($"api/v1/territories/{Territory}/notices?page=2");
        var olderIds = (await older.Content.ReadFromJsonAsync<JsonArray>())!.Select(n => n!["id"]!.GetValue<string>()).ToArray();
        Assert.Equal(Enumerable.Range(20, 20).Select(Id), olderIds);
        Assert.Equal($"</api/v1/territories/{Territory}/notices>; rel=\"prev\", </api/v1/territories/{Territory}/notices?page=3>; rel=\"next\"", older.Headers.GetValues("Link").Single());

        var refused = await http.GetAsync($"api/v1/territories/{Territory}/notices?page=0");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(ArchivePaging.Invalid, (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["page"]![0]!.GetValue<string>());
    }

    // Written to the territory's index as its notices would, not published one by one: 300 syntheses would only slow the test.
    private async Task Seed()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client.UseLocalhostClustering(fixture.Service.GatewayPort(0), ClusterConnection.ServiceId, ClusterConnection.DefaultClusterId));
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IClusterClient>();
        var territory = grains.GetGrain<ITerritoryGrain>(Territory);
        await territory.Configure(new TerritoryProfile(Territory, "Archives nombreuses", [], "Bonjour.", NoticeRules.DefaultRetention));

        var now = DateTimeOffset.UtcNow;
        await territory.NoticeChanged(Notice(Identifiers.NewNoticeId(), NoticeStatus.Active, now.AddMinutes(-1), now));
        for (var i = 0; i < Ended; i++)
        {
            await territory.NoticeChanged(Notice(Id(i), NoticeStatus.Ended, now.AddMinutes(-10 - i), now));
        }

        await host.StopAsync();
    }

    private static string Id(int index) => $"0000000000000000000000000000{index:D4}";

    private static NoticeSnapshot Notice(string id, NoticeStatus status, DateTimeOffset startsAt, DateTimeOffset now) =>
        SampleNotices.Notice(id: id, status: status, startsAt: startsAt) with
        {
            Territory = Territory,
            EndedAt = status == NoticeStatus.Ended ? startsAt.AddMinutes(5) : null,
            ExpiresAt = now.AddDays(9),
        };

    [GeneratedRegex("<article[^>]*data-notice-id=")]
    private static partial Regex Articles();
}
