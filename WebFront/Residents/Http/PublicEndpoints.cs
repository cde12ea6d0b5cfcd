using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Interfaces.Words;
using AlloIndustrie.WebFront.Hosting;
using AlloIndustrie.WebFront.Residents.Caching;
using AlloIndustrie.WebFront.Residents.Feeds;
using AlloIndustrie.WebFront.Residents.Localization;
using AlloIndustrie.WebFront.Residents.Pages;
using AlloIndustrie.WebFront.Residents.Reading;
using AlloIndustrie.WebFront.Residents.Reports;

namespace AlloIndustrie.WebFront.Residents.Http;

/// <summary>The residents' routes: pages, the live list fragment, the widget, and the Atom and CAP feeds.</summary>
public static class PublicEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("").AddEndpointFilter<PublicPageCacheFilter>().ExcludeFromDescription();
        site.MapGet("/", Home);
        site.MapGet("/{territory}", Territory);
        site.MapGet("/{territory}/live", LiveList);
        site.MapGet("/{territory}/widget", (HttpContext http, string territory, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options) =>
            Widget(http, territory, null, reader, pages, options));
        site.MapGet("/{territory}/sites/{site}", Site);
        site.MapGet("/{territory}/sites/{site}/widget", Widget);
        site.MapGet("/{territory}/notices/{id}", Notice);
        site.MapGet("/{territory}/feed.atom", NoticeFeed);
        site.MapGet("/{territory}/cap.atom", CapFeed);
        site.MapGet("/{territory}/notices/{id}/cap.xml", CapAlert);
    }

    private static async Task<PublicPage> Home(HttpContext http, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options)
    {
        var ctx = PageContext.For(http, reader, options);
        var territories = await reader.Territories();
        var html = await pages.Render<HomePage>(page => page.Set(p => p.Ctx, ctx).Set(p => p.Territories, territories));
        return PublicResponse.HtmlPage(html, options);
    }

    private static async Task<PublicPage> Territory(HttpContext http, string territory, string? page, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options, ReportHeatReader heat)
    {
        var ctx = PageContext.For(http, reader, options);
        if (await reader.Territory(territory) is not { } view || ArchivePaging.Requested(page) is not { } number)
        {
            return await NotFound(ctx, null, pages, options);
        }

        // Any change of the whole list may move a notice from one page to the next.
        var validFor = view.NextChange - view.AsOf;
        var shown = view.Page(number);
        if (number > 1)
        {
            return shown.Notices.IsEmpty
                ? await NotFound(ctx, view.Profile, pages, options)
                : PublicResponse.HtmlPage(
                    await pages.Render<ArchivePage>(archive => archive.Set(p => p.Ctx, ctx.WithSites(view.Sites)).Set(p => p.View, shown).Set(p => p.Page, number).Set(p => p.HasOlder, view.HasOlderThan(number))),
                    options, validFor: validFor);
        }

        // With the page rather than through a request of its own: cached with it, at most one cache period old.
        var counts = await heat.Recent(territory);
        var html = await pages.Render<TerritoryPage>(p => p.Set(p => p.Ctx, ctx.WithSites(view.Sites)).Set(p => p.View, shown).Set(p => p.HasOlder, view.HasOlderThan(1)).Set(p => p.Heat, counts));
        return PublicResponse.HtmlPage(html, options, validFor: validFor);
    }

    private static async Task<PublicPage> LiveList(HttpContext http, string territory, string? view, string? site, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options)
    {
        var ctx = PageContext.For(http, reader, options);
        if (await reader.Territory(territory) is not { } found || (site is not null && found.Site(site) is null))
        {
            return await NotFound(ctx, null, pages, options);
        }

        var shown = site is null ? found.Page(1) : found.ForSite(site);
        var html = await pages.Render<NoticeList>(page => page.Set(p => p.Ctx, ctx.WithSites(found.Sites)).Set(p => p.Notices, shown.Notices).Set(p => p.Compact, view == "widget"));
        return PublicResponse.HtmlPage(html, options, validFor: shown.NextChange - shown.AsOf);
    }

    private static async Task<PublicPage> Site(HttpContext http, string territory, string site, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options)
    {
        var ctx = PageContext.For(http, reader, options);
        var view = await reader.Territory(territory);
        if (view?.Site(site) is not { } profile)
        {
            return await NotFound(ctx, view?.Profile, pages, options);
        }

        var shown = view.ForSite(site);
        var html = await pages.Render<SitePage>(page => page.Set(p => p.Ctx, ctx.WithSites(view.Sites)).Set(p => p.View, shown).Set(p => p.Site, profile));
        return PublicResponse.HtmlPage(html, options, validFor: shown.NextChange - shown.AsOf);
    }

    private static async Task<PublicPage> Widget(HttpContext http, string territory, string? site, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options)
    {
        var ctx = PageContext.For(http, reader, options);
        var view = await reader.Territory(territory);
        var profile = site is null ? null : view?.Site(site);
        if (view is null || (site is not null && profile is null))
        {
            return await NotFound(ctx, view?.Profile, pages, options);
        }

        var shown = site is null ? view.Page(1) : view.ForSite(site);
        var html = await pages.Render<WidgetPage>(page => page.Set(p => p.Ctx, ctx.WithSites(view.Sites)).Set(p => p.View, shown).Set(p => p.Site, profile));
        return PublicResponse.HtmlPage(html, options, frameable: true, validFor: shown.NextChange - shown.AsOf);
    }

    private static async Task<PublicPage> Notice(HttpContext http, string territory, string id, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options)
    {
        var ctx = PageContext.For(http, reader, options);
        var view = await reader.Territory(territory);
        if (view is null || await reader.Notice(territory, id) is not { } notice)
        {
            return await NotFound(ctx, view?.Profile, pages, options);
        }

        var html = await pages.Render<NoticePage>(page => page.Set(p => p.Ctx, ctx.WithSites(view.Sites)).Set(p => p.Territory, view.Profile).Set(p => p.N, notice));
        return PublicResponse.HtmlPage(html, options, validFor: notice.ExpiresAt - view.AsOf);
    }

    private static async Task<PublicPage> NoticeFeed(HttpContext http, string territory, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options, PublicBaseUrl baseUrl)
    {
        if (await reader.Territory(territory) is not { } view)
        {
            return await NotFound(PageContext.For(http, reader, options), null, pages, options);
        }

        var body = AtomWriter.Notices(view, PublicLinks.For(http.Request, baseUrl));
        return PublicResponse.Page(PublicResponse.Atom, body, validFor: view.NextChange - view.AsOf);
    }

    private static async Task<PublicPage> CapFeed(HttpContext http, string territory, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options, PublicBaseUrl baseUrl)
    {
        if (await reader.Territory(territory) is not { } view)
        {
            return await NotFound(PageContext.For(http, reader, options), null, pages, options);
        }

        var withdrawn = await reader.RecentWithdrawals(view);
        var body = AtomWriter.CapIndex(view, withdrawn, PublicLinks.For(http.Request, baseUrl));
        var nextWithdrawalExpiry = withdrawn.Select(notice => (DateTimeOffset?)notice.ExpiresAt).Min();
        var validUntil = new[] { view.NextChange, nextWithdrawalExpiry }.Min();
        return PublicResponse.Page(PublicResponse.Atom, body, validFor: validUntil - view.AsOf);
    }

    private static async Task<PublicPage> CapAlert(HttpContext http, string territory, string id, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options, PublicBaseUrl baseUrl)
    {
        var view = await reader.Territory(territory);
        if (view is null || await reader.Notice(territory, id, includeWithdrawn: true) is not { } notice)
        {
            return await NotFound(PageContext.For(http, reader, options), view?.Profile, pages, options);
        }

        var body = CapWriter.Write(notice, view.Site(notice.Site), PublicLinks.For(http.Request, baseUrl), options.CapCircleRadiusKm);
        return PublicResponse.Page(PublicResponse.Cap, body, validFor: notice.ExpiresAt - view.AsOf);
    }

    private static async Task<PublicPage> NotFound(PageContext ctx, TerritoryProfile? territory, PageRenderer pages, PublicSiteOptions options)
    {
        var html = await pages.NotFound(ctx, territory);
        return PublicResponse.HtmlPage(html, options, StatusCodes.Status404NotFound);
    }
}
