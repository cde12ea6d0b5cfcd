using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Notices;

/// <summary>A refused command: a French title for people, and per-field French messages for invalid input.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.CommandError")]
public sealed record CommandError(
    [property: Id(0)] NoticeErrorKind Kind,
    [property: Id(1)] string Title,
    [property: Id(2)] ImmutableDictionary<string, string> Errors)
{
    public static CommandError Invalid(ImmutableDictionary<string, string> errors) =>
        new(NoticeErrorKind.Invalid, "La demande contient des champs invalides.", errors);

    public static CommandError Invalid(string field, string message) =>
        Invalid(ImmutableDictionary<string, string>.Empty.Add(field, message));

    public static CommandError NotFound(string title) =>
        new(NoticeErrorKind.NotFound, title, ImmutableDictionary<string, string>.Empty);

    public static CommandError Forbidden(string title) =>
        new(NoticeErrorKind.Forbidden, title, ImmutableDictionary<string, string>.Empty);

    public static CommandError Conflict(string title) =>
        new(NoticeErrorKind.Conflict, title, ImmutableDictionary<string, string>.Empty);
}
