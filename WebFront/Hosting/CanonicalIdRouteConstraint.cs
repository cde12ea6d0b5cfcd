using AlloIndustrie.Grains.Interfaces;

namespace AlloIndustrie.WebFront.Hosting;

/// <summary>
/// <c>{territory:canonical(territory)}</c>, <c>{site:canonical(site)}</c>, <c>{id:canonical(notice)}</c>: a route
/// value not in the canonical form of <see cref="Identifiers"/> matches no route (404), so it never reaches a
/// grain key or the audit trail's scope.
/// </summary>
public sealed class CanonicalIdRouteConstraint(string kind) : IRouteConstraint
{
    public const string Name = "canonical";

    private readonly Func<string?, bool> rule = kind switch
    {
        "territory" => Identifiers.IsTerritory,
        "site" => Identifiers.IsSite,
        "notice" => Identifiers.IsNoticeId,
        "random" => Identifiers.IsRandomId,
        _ => throw new ArgumentException($"Unknown identifier kind {kind}.", nameof(kind)),
    };

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string text && rule(text);
}
