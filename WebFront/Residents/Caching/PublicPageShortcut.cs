using AlloIndustrie.WebFront.Hosting.Health;
using AlloIndustrie.WebFront.Residents.Http;

namespace AlloIndustrie.WebFront.Residents.Caching;

/// <summary>
/// Answers a GET for a public page this node has rendered, while it is current, straight from
/// <see cref="PublicPageCache"/>: before routing and the middleware public pages do not use (the rate limiter,
/// the dashboard's guards, authentication, antiforgery) and the endpoint's own binding and filter. In a surge
/// nearly every request is one of these, and what each costs the server decides how many readers a node
/// serves (bench/CHANGES.md, round 8). Any other request, or a page not kept, goes on to its endpoint, which
/// renders and keeps the page. The request is given the endpoint that rendered the page, so that its metrics
/// and traces name the route as if routing had found it.
/// </summary>
public sealed class PublicPageShortcut(RequestDelegate next, PublicPageCache cache, StorageHealth storage)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method) && cache.TryGetCurrent(PublicPageCacheFilter.Key(http.Request, storage), out var page, out var endpoint))
        {
            http.SetEndpoint(endpoint);
            return PublicResponse.Write(http, page);
        }

        return next(http);
    }
}
