using AlloIndustrie.WebFront.Public.Http;

namespace AlloIndustrie.WebFront.Public.Caching;

/// <summary>
/// Serves the public routes from <see cref="PublicPageCache"/>: the key is the path and the only query values a
/// page depends on (its language, the widget's view, a site), so that other query strings share the page.
/// </summary>
public sealed class PublicPageCacheFilter(PublicPageCache cache) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var territory = request.RouteValues.TryGetValue("territory", out var value) ? value as string : null;
        return await cache.GetOrRender(Key(request), territory, async () => await next(context) as PublicPage
            ?? throw new InvalidOperationException($"{request.Path} did not answer with a public page."));
    }

    public static string Key(HttpRequest request)
    {
        var query = request.Query;
        var site = query["site"] is [{ } one] ? one : "";
        return $"{request.Path.Value}|{(query["lang"] == "en" ? "en" : "fr")}|{(query["view"] == "widget" ? "widget" : "")}|{site}";
    }
}
