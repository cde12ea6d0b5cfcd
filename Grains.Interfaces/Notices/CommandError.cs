using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Notices;

/// <summary>
/// A refused command: a French title for people, and per-field French messages for invalid input. One invalid field
/// is its own title, so that a form or a script showing only the title still says what to correct.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.CommandError")]
public sealed record CommandError(
    [property: Id(0)] NoticeErrorKind Kind,
    [property: Id(1)] string Title,
    [property: Id(2)] ImmutableDictionary<string, string> Errors,
    [property: Id(3)] TimeSpan? RetryAfter = null)
{
    public const string InvalidFields = "La demande contient des champs invalides.";

    public const string UnknownTerritory = "Territoire inconnu.";

    public static CommandError Invalid(ImmutableDictionary<string, string> errors) =>
        new(NoticeErrorKind.Invalid, errors.Count == 1 ? errors.Single().Value : InvalidFields, errors);

    public static CommandError Invalid(string field, string message) =>
        Invalid(ImmutableDictionary<string, string>.Empty.Add(field, message));

    public static CommandError NotFound(string title) =>
        Titled(NoticeErrorKind.NotFound, title);

    public static CommandError Forbidden(string title) =>
        Titled(NoticeErrorKind.Forbidden, title);

    public static CommandError Conflict(string title) =>
        Titled(NoticeErrorKind.Conflict, title);

    public static CommandError TooMany(string title, TimeSpan retryAfter) =>
        Titled(NoticeErrorKind.TooMany, title) with { RetryAfter = retryAfter };

    public static CommandError TooLarge(string title) =>
        Titled(NoticeErrorKind.TooLarge, title);

    public static CommandError UnsupportedMediaType(string title) =>
        Titled(NoticeErrorKind.UnsupportedMediaType, title);

    public static CommandError Unauthorized(string title) =>
        Titled(NoticeErrorKind.Unauthorized, title);

    public static CommandError NoTerritory { get; } = NotFound(UnknownTerritory);

    /// <summary>A refusal that only its title explains, no field being at fault.</summary>
    private static CommandError Titled(NoticeErrorKind kind, string title) => new(kind, title, ImmutableDictionary<string, string>.Empty);
}
