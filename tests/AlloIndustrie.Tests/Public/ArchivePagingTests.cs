using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.WebFront.Residents;
using AlloIndustrie.WebFront.Residents.Http;
using AlloIndustrie.WebFront.Residents.Localization;
using AlloIndustrie.WebFront.Residents.Pages;
using AlloIndustrie.WebFront.Residents.Reading;
using Xunit;

namespace AlloIndustrie.Tests.Public;

/// <summary>The ended notices of a territory come in pages: the first with everything going on, then older ones.</summary>
public sealed partial class ArchivePagingTests
{
    private static readonly PageRenderer Renderer = TestPages.CreateRenderer();

    private static TerritoryView Many(int ended) => SampleNotices.View(
        [
            SampleNotices.Notice(id: "active-1"),
            SampleNotices.Notice(id: "active-2", startsAt: SampleNotices.Now.AddHours(-2)),
            SampleNotices.Notice(id: "scheduled", status: NoticeStatus.Scheduled, startsAt: SampleNotices.Now.AddHours(3)),
            .. Enumerable.Range(0, ended).Select(i => SampleNotices.Notice(id: $"ended-{i:D3}", status: NoticeStatus.Ended, startsAt: SampleNotices.Now.AddMinutes(-40 - i))),
        ]);

    [Fact]
    public void The_first_page_has_everything_going_on_and_the_latest_ended_then_each_page_older_ones()
    {
        var view = Many(45);

        var first = view.Page(1).Notices.Select(n => n.Id).ToArray();
        Assert.Equal(3 + ArchivePaging.EndedPerPage, first.Length);
        Assert.Equal(["active-1", "active-2", "scheduled"], first.Where(id => !id.StartsWith("ended", StringComparison.Ordinal)).Order());
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"ended-{i:D3}"), first.Where(id => id.StartsWith("ended", StringComparison.Ordinal)));
        Assert.True(view.HasOlderThan(1));

        Assert.Equal(Enumerable.Range(20, 20).Select(i => $"ended-{i:D3}"), view.Page(2).Notices.Select(n => n.Id));
        Assert.Equal(Enumerable.Range(40, 5).Select(i => $"ended-{i:D3}"), view.Page(3).Notices.Select(n => n.Id));
        Assert.False(view.HasOlderThan(3));
        Assert.Empty(view.Page(4).Notices);
        Assert.False(Many(20).HasOlderThan(1));
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("1", 1)]
    [InlineData("2", 2)]
    [InlineData("10000", 10000)]
    [InlineData("0", null)]
    [InlineData("-1", null)]
    [InlineData("01", null)]
    [InlineData("2a", null)]
    [InlineData("١", null)]
    [InlineData("10001", null)]
    [InlineData("99999999999", null)]
    public void Only_a_plain_page_number_is_a_page(string? asked, int? page) => Assert.Equal(page, ArchivePaging.Requested(asked));

    [Fact]
    public async Task The_territory_page_links_to_older_ended_notices_and_each_archive_page_both_ways()
    {
        var view = Many(45);

        var first = await Renderer.Render<TerritoryPage>(page => page.Set(p => p.Ctx, Context("/rouen-metropole")).Set(p => p.View, view.Page(1)).Set(p => p.HasOlder, true));
        Assert.Equal(23, Articles().Count(first));
        Assert.Contains("<a rel=\"next\" href=\"/rouen-metropole?page=2\">Événements terminés plus anciens →</a>", first);
        Assert.DoesNotContain("rel=\"prev\"", first);

        var second = await Renderer.Render<ArchivePage>(page => page.Set(p => p.Ctx, Context("/rouen-metropole", Texts.English)).Set(p => p.View, view.Page(2)).Set(p => p.Page, 2).Set(p => p.HasOlder, true));
        Assert.Equal(20, Articles().Count(second));
        Assert.Contains("<h1>Rouen Métropole: ended events, page 2</h1>", second);
        Assert.Contains("<a rel=\"prev\" href=\"/rouen-metropole?lang=en\">← More recent events</a>", second);
        Assert.Contains("<a rel=\"next\" href=\"/rouen-metropole?page=3&amp;lang=en\">Older ended events →</a>", second);
        Assert.DoesNotContain("data-live", second);

        var last = await Renderer.Render<ArchivePage>(page => page.Set(p => p.Ctx, Context("/rouen-metropole")).Set(p => p.View, view.Page(3)).Set(p => p.Page, 3).Set(p => p.HasOlder, false));
        Assert.Contains("<a rel=\"prev\" href=\"/rouen-metropole?page=2\">", last);
        Assert.DoesNotContain("rel=\"next\"", last);
    }

    private static PageContext Context(string path, Texts? texts = null) => new(texts ?? Texts.French, SampleNotices.Now, path, new PublicSiteOptions());

    [GeneratedRegex("<article[^>]*data-notice-id=")]
    private static partial Regex Articles();
}
