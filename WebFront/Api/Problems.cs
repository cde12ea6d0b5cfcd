using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlloIndustrie.WebFront.Api;

/// <summary>
/// RFC 9457 problem details with French titles, the one error shape of the API; a grain's <see cref="CommandError"/>
/// becomes its HTTP status here and nowhere else.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string title, IReadOnlyDictionary<string, string>? errors = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (errors is { Count: > 0 })
        {
            extensions["errors"] = errors.ToDictionary(e => e.Key, e => new[] { e.Value });
        }

        return TypedResults.Problem(title: title, statusCode: status, extensions: extensions);
    }

    public static ProblemHttpResult From(CommandError error) => Of(Status(error.Kind), error.Title, error.Errors);

    /// <summary>The contract's status for each reason a command is refused.</summary>
    public static int Status(NoticeErrorKind kind) => kind switch
    {
        NoticeErrorKind.Invalid => StatusCodes.Status400BadRequest,
        NoticeErrorKind.NotFound => StatusCodes.Status404NotFound,
        NoticeErrorKind.Conflict => StatusCodes.Status409Conflict,
        NoticeErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static ProblemHttpResult Invalid(ImmutableDictionary<string, string> errors) => From(CommandError.Invalid(errors));

    public static ProblemHttpResult NotFound(string title) => From(CommandError.NotFound(title));

    public static ProblemHttpResult Unauthorized() => Of(
        StatusCodes.Status401Unauthorized,
        "Clé d’API absente ou invalide : envoyez l’en-tête « Authorization: Bearer {clé} » avec la clé de votre site.");

    public static ProblemHttpResult Forbidden() => From(CommandError.Forbidden("Cette clé d’API n’agit pas pour ce site."));
}
