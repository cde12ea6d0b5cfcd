using System.Collections.Immutable;
using System.Globalization;
using AlloIndustrie.Grains.Interfaces.Notices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlloIndustrie.WebFront.Api;

/// <summary>
/// RFC 9457 problem details with French titles, the one error shape of the API; a refused command
/// (<see cref="CommandError"/>) becomes its HTTP status here and nowhere else, for the API and for the residents'
/// forms alike (<see cref="PageStatus"/>), so that the same refusal answers the same everywhere.
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

    /// <summary>The refusal as a problem; a 429's <c>Retry-After</c> goes on <paramref name="http"/>'s response.</summary>
    public static ProblemHttpResult From(CommandError error, HttpContext? http = null)
    {
        if (http is not null)
        {
            RetryAfter(http, error);
        }

        return Of(Status(error.Kind), error.Title, error.Errors);
    }

    /// <summary>
    /// The status of a form's page showing <paramref name="error"/>, the same as the API's for the same refusal,
    /// with the same <c>Retry-After</c>.
    /// </summary>
    public static int PageStatus(HttpContext http, CommandError error)
    {
        RetryAfter(http, error);
        return Status(error.Kind);
    }

    /// <summary>The contract's status for each reason a command is refused.</summary>
    public static int Status(NoticeErrorKind kind) => kind switch
    {
        NoticeErrorKind.Invalid => StatusCodes.Status400BadRequest,
        NoticeErrorKind.NotFound => StatusCodes.Status404NotFound,
        NoticeErrorKind.Conflict => StatusCodes.Status409Conflict,
        NoticeErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        NoticeErrorKind.TooMany => StatusCodes.Status429TooManyRequests,
        NoticeErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        NoticeErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        NoticeErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static ProblemHttpResult Invalid(ImmutableDictionary<string, string> errors) => From(CommandError.Invalid(errors));

    public static ProblemHttpResult NotFound(string title) => From(CommandError.NotFound(title));

    public static ProblemHttpResult NoTerritory() => From(CommandError.NoTerritory);

    public static ProblemHttpResult TooMany(HttpContext http, string title, TimeSpan retryAfter) => From(CommandError.TooMany(title, retryAfter), http);

    public static CommandError NoKey { get; } = CommandError.Unauthorized(
        "Clé d’API absente ou invalide : envoyez l’en-tête « Authorization: Bearer {clé} » avec la clé de votre site.");

    public static ProblemHttpResult Forbidden() => From(CommandError.Forbidden("Cette clé d’API n’agit pas pour ce site."));

    private static void RetryAfter(HttpContext http, CommandError error)
    {
        if (error.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }
}
