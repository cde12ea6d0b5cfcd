using System.Text.RegularExpressions;

namespace AlloIndustrie.WebFront.Dashboard.Security;

/// <summary>
/// Territory and site slugs in dashboard routes: anything else is a 404 before it reaches a grain key or
/// the audit trail's scope.
/// </summary>
public sealed partial class SlugRouteConstraint : IRouteConstraint
{
    public const string Name = "perimeter-slug";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string text && Slug().IsMatch(text);

    [GeneratedRegex("^[a-z0-9-]{2,60}$")]
    private static partial Regex Slug();
}
