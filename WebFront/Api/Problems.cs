using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.WebFront.Api;

/// <summary>RFC 9457 problem details with French titles, the one error shape of the API.</summary>
public static class Problems
{
    public static IResult Of(int status, string title, IReadOnlyDictionary<string, string>? errors = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (errors is { Count: > 0 })
        {
            extensions["errors"] = errors.ToDictionary(e => e.Key, e => new[] { e.Value });
        }

        return TypedResults.Problem(title: title, statusCode: status, extensions: extensions);
    }

    public static IResult From(CommandError error) => Of(
        error.Kind switch
        {
            NoticeErrorKind.Invalid => StatusCodes.Status400BadRequest,
            NoticeErrorKind.NotFound => StatusCodes.Status404NotFound,
            NoticeErrorKind.Conflict => StatusCodes.Status409Conflict,
            NoticeErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status500InternalServerError,
        },
        error.Title,
        error.Errors);

    public static IResult Invalid(ImmutableDictionary<string, string> errors) => From(CommandError.Invalid(errors));

    public static IResult NotFound(string title) => Of(StatusCodes.Status404NotFound, title);

    public static IResult Unauthorized() => Of(
        StatusCodes.Status401Unauthorized,
        "Clé d’API absente ou invalide : envoyez l’en-tête « Authorization: Bearer {clé} » avec la clé de votre site.");

    public static IResult Forbidden() => Of(StatusCodes.Status403Forbidden, "Cette clé d’API n’agit pas pour ce site.");
}
