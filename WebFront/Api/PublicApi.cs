using System.Collections.Immutable;
using System.Xml;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Residents.Reading;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlloIndustrie.WebFront.Api;

/// <summary>The public JSON API: what the public page shows, for other systems to read.</summary>
public static class PublicApi
{
    /// <summary>Set while storage does not answer: when the listed notices were last confirmed.</summary>
    public const string LastConfirmedHeader = "X-Last-Confirmed-At";

    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").RequireRateLimiting(ApiLimits.PublicPolicy).WithTags("Public")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/territories", async (IGrainFactory grains) =>
        {
            var territories = await grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).List();
            return TypedResults.Ok(territories.Select(t =>
                new TerritoryDto(t.Slug, t.Name, t.PhoneNumbers, XmlConvert.ToString(t.DefaultRetention))));
        }).WithSummary("Les territoires");

        api.MapGet("/territories/{territory}/sites", async Task<Results<Ok<ImmutableArray<SiteProfile>>, ProblemHttpResult>> (string territory, IGrainFactory grains) =>
        {
            if (!Identifiers.IsTerritory(territory))
            {
                return Problems.NoTerritory();
            }

            var grain = grains.GetGrain<ITerritoryGrain>(territory);
            return await grain.GetProfile() is null
                ? Problems.NoTerritory()
                : TypedResults.Ok(await grain.GetSites());
        }).WithSummary("Les sites d’un territoire").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/territories/{territory}/notices", async Task<Results<Ok<ImmutableArray<NoticeSnapshot>>, ProblemHttpResult>> (string territory, string? page, PublicNoticeReader reader, HttpContext context) =>
        {
            if (await reader.Territory(territory) is not { } view)
            {
                return Problems.NoTerritory();
            }

            if (ArchivePaging.Requested(page) is not { } number)
            {
                return Problems.Invalid(ImmutableDictionary<string, string>.Empty.Add(ArchivePaging.Parameter, ArchivePaging.Invalid));
            }

            if (reader.LastConfirmedAtIfDegraded is { } confirmed)
            {
                context.Response.Headers[LastConfirmedHeader] = confirmed.ToString("O");
            }

            // The pages as RFC 8288 links, so that the body stays the contract's array.
            var links = new List<string>();
            if (number > 1)
            {
                links.Add($"<{PageLink(territory, number - 1)}>; rel=\"prev\"");
            }

            if (view.HasOlderThan(number))
            {
                links.Add($"<{PageLink(territory, number + 1)}>; rel=\"next\"");
            }

            if (links.Count > 0)
            {
                context.Response.Headers.Link = string.Join(", ", links);
            }

            return TypedResults.Ok(view.Page(number).Notices);
        }).WithSummary("Les notices visibles d’un territoire, en cours d’abord puis les plus récentes ; "
            + $"les terminées par pages de {ArchivePaging.EndedPerPage} (?page=2…, en-tête Link rel=\"next\" et rel=\"prev\") ; "
            + $"en cas de panne du stockage, les dernières connues, avec l’en-tête {LastConfirmedHeader}")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/notices/{id}", async Task<Results<Ok<NoticeSnapshot>, ProblemHttpResult>> (string id, IGrainFactory grains, TimeProvider clock) =>
        {
            var notice = Identifiers.IsNoticeId(id) ? await grains.GetGrain<INoticeGrain>(id).Get() : null;
            return notice?.AsOf(clock.GetUtcNow()) is { } current && NoticeSnapshot.IsPublicStatus(current.Status)
                ? TypedResults.Ok(current)
                : Problems.NotFound("Notice introuvable, expirée ou retirée.");
        }).WithSummary("Une notice ; 404 une fois expirée ou retirée").ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    private static string PageLink(string territory, int page) =>
        page == 1 ? $"/api/v1/territories/{territory}/notices" : $"/api/v1/territories/{territory}/notices?{ArchivePaging.Parameter}={page}";
}
