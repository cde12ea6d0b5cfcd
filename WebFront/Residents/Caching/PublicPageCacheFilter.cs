using AlloIndustrie.WebFront.Hosting.Health;
using AlloIndustrie.WebFront.Residents.Http;
using AlloIndustrie.WebFront.Residents.Reading;

namespace AlloIndustrie.WebFront.Residents.Caching;

/// <summary>
/// Serves the public routes from <see cref="PublicPageCache"/>: the key is the path and the only query values a
/// page depends on (its language, the widget's view, a site, a page of the archive), so that other query strings share the page. A page
/// rendered while storage does not answer says so: it has a key of its own, so that it neither outlives the outage
/// nor is hidden during it by a page kept from before.
/// </summary>
public sealed class PublicPageCacheFilter(PublicPageCache cache, StorageHealth storage) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var territory = http.Request.RouteValues.TryGetValue("territory", out var value) ? value as string : null;
        return await cache.GetOrRender(Key(http.Request, storage), territory, http.GetEndpoint(), async () => await next(context) as PublicPage
            ?? throw new InvalidOperationException($"{http.Request.Path} did not answer with a public page."));
    }

    public static string Key(HttpRequest request, StorageHealth storage)
    {
        var query = request.Query;
        var site = query["site"] is [{ } one] ? one : "";
        var page = query[ArchivePaging.Parameter] is [{ } asked] ? ArchivePaging.Requested(asked)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "invalid" : "";
        var key = $"{request.Path.Value}|{(query["lang"] == "en" ? "en" : "fr")}|{(query["view"] == "widget" ? "widget" : "")}|{site}|{page}";
        return storage.LastConfirmedAtIfDegraded is null ? key : $"{key}|degraded";
    }
}
