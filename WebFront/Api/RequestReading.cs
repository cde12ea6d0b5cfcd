using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.WebFront.Hosting;

namespace AlloIndustrie.WebFront.Api;

/// <summary>Reads operators' request bodies within the contract's limits, with French errors per field.</summary>
public static partial class RequestReading
{
    public const long MaxBodyBytes = 64 * 1024;

    private static readonly CommandError TooLarge = CommandError.TooLarge($"Le corps de la requête dépasse {MaxBodyBytes / 1024} Ko.");

    /// <summary>The body as <typeparamref name="T"/>, or why it cannot be read: too large, not JSON, empty or ill-typed.</summary>
    public static async Task<CommandResult<T>> ReadJson<T>(HttpContext context) where T : class
    {
        try
        {
            var read = await BodyLimit.Read(context, MaxBodyBytes, async (request, cancellation) =>
                await request.ReadFromJsonAsync<T>(ApiJson.Options, cancellation) is { } body
                    ? CommandResult<T>.Ok(body)
                    : CommandResult<T>.Failed(new CommandError(NoticeErrorKind.Invalid, "Le corps de la requête est vide : un objet JSON est attendu.", ImmutableDictionary<string, string>.Empty)));
            return read ?? CommandResult<T>.Failed(TooLarge);
        }
        catch (InvalidOperationException)
        {
            return CommandResult<T>.Failed(CommandError.UnsupportedMediaType("Le corps de la requête doit être du JSON (Content-Type: application/json)."));
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            var known = ApiJson.Options.GetTypeInfo(typeof(T)).Properties.Any(p => field.StartsWith(p.Name, StringComparison.Ordinal));
            // Its own title, not the field's message: the caller learns first that the JSON itself is at fault.
            return CommandResult<T>.Failed(new CommandError(
                NoticeErrorKind.Invalid,
                "Le corps de la requête n’est pas un JSON valide pour cette opération.",
                ImmutableDictionary<string, string>.Empty.Add(
                    field, known || field == "body" ? "Valeur illisible ou de mauvais type." : "Champ inconnu de cette opération : vérifiez son nom.")));
        }
    }

    /// <summary>An ISO 8601 date with an explicit offset, so that no one guesses which time zone an operator meant.</summary>
    public static DateTimeOffset? ParseInstant(string? text, string field, IDictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (ExplicitOffset().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        errors[field] = "Date invalide : utilisez le format ISO 8601 avec fuseau, par exemple 2026-11-23T14:30:00+01:00.";
        return null;
    }

    /// <summary>An ISO 8601 duration such as P9D or PT12H.</summary>
    public static TimeSpan? ParseDuration(string? text, string field, IDictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var value = XmlConvert.ToTimeSpan(text);
            if (value > TimeSpan.Zero)
            {
                return value;
            }
        }
        catch (FormatException)
        {
        }
        catch (OverflowException)
        {
        }

        errors[field] = "Durée invalide : utilisez une durée ISO 8601 positive, par exemple P9D (9 jours) ou PT12H (12 heures).";
        return null;
    }

    [GeneratedRegex(@"(Z|z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex ExplicitOffset();
}
