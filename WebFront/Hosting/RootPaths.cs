using Microsoft.AspNetCore.Routing.Patterns;

namespace AlloIndustrie.WebFront.Hosting;

/// <summary>
/// The first path segments the service's own routes take (<c>api</c>, <c>tableau-de-bord</c>, <c>accessibilite</c>…):
/// a territory with one of them as its slug would have a page nobody reaches, since a literal segment wins over
/// <c>/{territory}</c>. Read from the endpoints themselves, so that a route added later is reserved too.
/// </summary>
public sealed class RootPaths(EndpointDataSource endpoints)
{
    private readonly Lazy<HashSet<string>> taken = new(() =>
    [
        .. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.PathSegments.FirstOrDefault()?.Parts)
            .Where(parts => parts is [RoutePatternLiteralPart])
            .Select(parts => ((RoutePatternLiteralPart)parts![0]).Content.ToLowerInvariant()),
    ]);

    public bool IsTaken(string slug) => taken.Value.Contains(slug);
}
