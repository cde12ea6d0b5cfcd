using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Residents.Caching;
using AlloIndustrie.WebFront.Residents.Http;
using AlloIndustrie.WebFront.Residents.Legal.Pages;
using AlloIndustrie.WebFront.Residents.Pages;
using AlloIndustrie.WebFront.Residents.Reading;
using Microsoft.AspNetCore.Components;

namespace AlloIndustrie.WebFront.Residents.Legal;

/// <summary>The accessibility statement, the personal data page and the legal notice, per territory and for the whole service.</summary>
public static class LegalEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("").AddEndpointFilter<PublicPageCacheFilter>().ExcludeFromDescription();
        Map<AccessibilityPage>(site, LegalPaths.AccessibilitySegment);
        Map<PrivacyPage>(site, LegalPaths.PersonalDataSegment);
        Map<LegalNoticePage>(site, LegalPaths.LegalNoticeSegment);
    }

    private static void Map<TPage>(RouteGroupBuilder site, string segment)
        where TPage : class, IComponent, ILegalPage
    {
        site.MapGet($"/{segment}", (HttpContext http, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options) =>
            Render<TPage>(http, null, reader, pages, options));
        site.MapGet($"/{{territory}}/{segment}", (HttpContext http, string territory, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options) =>
            Render<TPage>(http, territory, reader, pages, options));
    }

    private static async Task<PublicPage> Render<TPage>(
        HttpContext http, string? territory, PublicNoticeReader reader, PageRenderer pages, PublicSiteOptions options)
        where TPage : class, IComponent, ILegalPage
    {
        var ctx = PageContext.For(http, reader, options);
        TerritoryProfile? profile = null;
        if (territory is not null && (profile = (await reader.Territory(territory))?.Profile) is null)
        {
            return PublicResponse.HtmlPage(await pages.NotFound(ctx, null), options, StatusCodes.Status404NotFound);
        }

        var view = new LegalView(profile, profile is null ? await reader.Territories() : [], options.LegalHost);
        var html = await pages.Render<TPage>(page => page.Set(p => p.Ctx, ctx).Set(p => p.View, view));
        return PublicResponse.HtmlPage(html, options);
    }
}
