using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Words;

namespace AlloIndustrie.Grains.Interfaces.Notices;

/// <summary>
/// Field rules shared by the web front (to answer with every field's error at once) and the grains (which
/// never trust their caller). Messages are French: they reach operators as they are.
/// </summary>
public static class NoticeRules
{
    public const int TitleMaxLength = 120;
    public const int MessageMaxLength = 2000;
    public const int InstructionsMaxLength = 2000;
    public const int ReasonMaxLength = 500;

    /// <summary>
    /// Notices one site may have on the public page at once (scheduled, active, or ended and not expired), by
    /// default: the page, feeds and phone line of the whole territory must stay readable whatever one site's
    /// systems send.
    /// </summary>
    public const int DefaultMaxVisiblePerSite = 30;

    public static string TooManyVisible(int max) =>
        $"Ce site a déjà {Counted.French(max, "notice visible", "notices visibles")} sur la page publique (programmées, en cours ou terminées et pas encore expirées) : "
        + "ajoutez un point de situation à une notice existante, ou retirez celles qui n’ont plus lieu d’être, avant d’en publier une nouvelle.";
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(9);
    public static readonly TimeSpan MaximumRetention = TimeSpan.FromDays(90);
    public static readonly TimeSpan DefaultMinimumRetention = TimeSpan.FromHours(1);

    /// <summary>How far ahead a notice may be scheduled.</summary>
    public static readonly TimeSpan MaximumLeadTime = TimeSpan.FromDays(90);

    public static ImmutableDictionary<string, string> Validate(
        NoticeDraft draft, DateTimeOffset now, TimeSpan defaultRetention, TimeSpan minimumRetention)
    {
        var errors = ImmutableDictionary.CreateBuilder<string, string>();

        if (string.IsNullOrWhiteSpace(draft.EventType))
        {
            errors["eventType"] = "Le type d’événement est obligatoire.";
        }
        else if (!Vocabulary.EventTypeKeys.Contains(draft.EventType))
        {
            errors["eventType"] = $"Type d’événement inconnu : « {draft.EventType} ». Valeurs possibles : {string.Join(", ", Vocabulary.EventTypeKeys.Order())}.";
        }

        var unknown = draft.Nuisances.IsDefault ? [] : draft.Nuisances.Where(n => !Vocabulary.NuisanceKeys.Contains(n)).ToArray();
        if (unknown.Length > 0)
        {
            errors["nuisances"] = $"Nuisance inconnue : « {string.Join(" », « ", unknown)} ». Valeurs possibles : {string.Join(", ", Vocabulary.NuisanceKeys.Order())}.";
        }

        AddTextError(errors, "title", draft.Title, TitleMaxLength, "Le titre", multiline: false);
        AddTextError(errors, "message", draft.Message, MessageMaxLength, "Le message", multiline: true);
        if (draft.Instructions is { Length: > InstructionsMaxLength })
        {
            errors["instructions"] = $"Les consignes ne doivent pas dépasser {InstructionsMaxLength} caractères.";
        }
        else if (TextRules.Problem(draft.Instructions, "Le texte des consignes", multiline: true) is { } problem)
        {
            errors["instructions"] = problem;
        }

        var retention = draft.Retention ?? defaultRetention;
        if (draft.Retention is { } asked && (asked < minimumRetention || asked > MaximumRetention))
        {
            errors["retention"] = $"La durée de conservation doit être comprise entre {Describe(minimumRetention)} et {Describe(MaximumRetention)}.";
        }

        var startsAt = draft.StartsAt ?? now;
        if (startsAt > now + MaximumLeadTime)
        {
            errors["startsAt"] = $"Le début ne peut pas être fixé à plus de {Describe(MaximumLeadTime)} à l’avance.";
        }
        else if (!errors.ContainsKey("retention") && startsAt + retention <= now)
        {
            errors["startsAt"] = "Ce début est trop ancien : la notice aurait déjà expiré.";
        }

        if (draft.ExpectedEndAt is { } end && end <= startsAt)
        {
            errors["expectedEndAt"] = "La fin prévue doit être postérieure au début.";
        }

        return errors.ToImmutable();
    }

    /// <summary>Checks one free-text field: an update's message or a withdrawal's reason.</summary>
    public static ImmutableDictionary<string, string> ValidateText(string field, string? value, int maxLength, string label)
    {
        var errors = ImmutableDictionary.CreateBuilder<string, string>();
        AddTextError(errors, field, value, maxLength, label, multiline: true);
        return errors.ToImmutable();
    }

    /// <summary>A duration in French words, for messages.</summary>
    public static string Describe(TimeSpan duration) => duration switch
    {
        { TotalDays: >= 1 } when duration.TotalDays == Math.Floor(duration.TotalDays) => Plural((int)duration.TotalDays, "jour"),
        { TotalHours: >= 1 } when duration.TotalHours == Math.Floor(duration.TotalHours) => Plural((int)duration.TotalHours, "heure"),
        _ => Plural((int)Math.Ceiling(duration.TotalMinutes), "minute"),
    };

    private static string Plural(int count, string unit) => Counted.French(count, unit, unit + "s");

    private static void AddTextError(ImmutableDictionary<string, string>.Builder errors, string field, string? value, int maxLength, string label, bool multiline)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = $"{label} est obligatoire.";
        }
        else if (value.Length > maxLength)
        {
            errors[field] = $"{label} ne doit pas dépasser {maxLength} caractères.";
        }
        else if (TextRules.Problem(value, label, multiline) is { } problem)
        {
            errors[field] = problem;
        }
    }
}
