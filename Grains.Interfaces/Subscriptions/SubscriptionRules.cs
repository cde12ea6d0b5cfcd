using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// What a sign-up must be, with the French message of each refusal keyed by the contract's field name. The web
/// front checks the shape, the silo checks again and against the territory (communes, sites).
/// </summary>
public static partial class SubscriptionRules
{
    /// <summary>Longest e-mail address SMTP carries (RFC 5321: 254 in a path).</summary>
    public const int EmailMaxLength = 254;

    /// <summary>Most communes or sites one subscription may name.</summary>
    public const int MaxChoices = 100;

    /// <summary>The contract's name of a channel.</summary>
    public static string Name(SubscriptionChannel channel) => channel switch
    {
        SubscriptionChannel.WebPush => "webpush",
        SubscriptionChannel.Email => "email",
        SubscriptionChannel.Sms => "sms",
        _ => "voice",
    };

    /// <summary>The channel of a contract's name, exactly as written.</summary>
    public static SubscriptionChannel? Channel(string? name) => name switch
    {
        "webpush" => SubscriptionChannel.WebPush,
        "email" => SubscriptionChannel.Email,
        "sms" => SubscriptionChannel.Sms,
        "voice" => SubscriptionChannel.Voice,
        _ => null,
    };

    /// <summary>The language of <c>fr</c> or <c>en</c>; anything else is null.</summary>
    public static SubscriberLanguage? Language(string? code) => code switch
    {
        null or "" or "fr" => SubscriberLanguage.French,
        "en" => SubscriberLanguage.English,
        _ => null,
    };

    /// <summary>The French refusal of a channel this deployment does not offer.</summary>
    public static string NotOffered(SubscriptionChannel channel) => channel == SubscriptionChannel.Voice
        ? "L’abonnement par appel se fait depuis votre téléphone : appelez la ligne du territoire et tapez 5. Ici : webpush, email ou sms."
        : "Les abonnements par SMS ne sont pas proposés par ce service : choisissez webpush ou email.";

    /// <summary>The digits of a confirmation code sent by SMS or read by a call.</summary>
    public const int CodeDigits = 6;

    /// <summary>A new confirmation code: <see cref="CodeDigits"/> random digits, zeros on the left included.</summary>
    public static string NewCode() =>
        System.Security.Cryptography.RandomNumberGenerator.GetInt32(0, (int)Math.Pow(10, CodeDigits)).ToString(new string('0', CodeDigits), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The French problem with a confirmation code as typed (<see cref="CodeDigits"/> digits, spaces around allowed), or null.</summary>
    public static string? CodeProblem(string? code) =>
        code?.Trim() is { Length: CodeDigits } digits && digits.All(char.IsAsciiDigit) ? null : $"Le code de confirmation a {CodeDigits} chiffres (exemple : 123456).";

    /// <summary>The French problem with an e-mail address, or null.</summary>
    public static string? EmailProblem(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return "Indiquez votre adresse e-mail.";
        }

        var trimmed = address.Trim();
        if (trimmed.Length > EmailMaxLength || !EmailPattern().IsMatch(trimmed) || trimmed.IndexOf('@') > 64)
        {
            return "L’adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).";
        }

        return null;
    }

    /// <summary>
    /// The problems of communes and sites against the territory's: each must be one of its own, spelt as it is;
    /// <paramref name="errors"/> gets them under <c>communes</c> and <c>sites</c>.
    /// </summary>
    public static void CheckChoices(SubscriptionPreferences preferences, IReadOnlySet<string> communes, IReadOnlySet<string> sites, IDictionary<string, string> errors)
    {
        Check("communes", preferences.Communes, communes, "Commune inconnue dans ce territoire", "Trop de communes", errors);
        Check("sites", preferences.Sites, sites, "Site inconnu dans ce territoire", "Trop de sites", errors);
    }

    /// <summary>Preferences with each choice once, in order (a form may repeat one).</summary>
    public static SubscriptionPreferences Normalised(SubscriptionPreferences preferences) => preferences with
    {
        Communes = preferences.Communes.IsDefault ? [] : [.. preferences.Communes.Distinct(StringComparer.Ordinal)],
        Sites = preferences.Sites.IsDefault ? [] : [.. preferences.Sites.Distinct(StringComparer.Ordinal)],
    };

    /// <summary>
    /// The contract's <c>quiet</c> as sent: absent for the default night, <c>none</c>, or <c>HH:MM-HH:MM</c> in Paris
    /// time. Returns the French problem, or null with <paramref name="quiet"/> (null for the default).
    /// </summary>
    public static string? QuietProblem(string? text, out QuietHours? quiet)
    {
        quiet = null;
        if (text is null)
        {
            return null;
        }

        if (text == QuietHours.NoneText)
        {
            quiet = QuietHours.None;
            return null;
        }

        var parts = text.Split('-');
        return parts.Length == 2
            ? QuietProblem(parts[0], parts[1], out quiet)
            : "Heures calmes invalides : écrivez le début et la fin, heure de Paris (exemple : 22:00-07:00), ou « none » pour n’en avoir aucune.";
    }

    /// <summary>
    /// A night from <paramref name="start"/> to <paramref name="end"/> as residents write times (<c>22:00</c>,
    /// <c>22h</c>, <c>7h30</c>). Returns the French problem, or null with <paramref name="quiet"/>.
    /// </summary>
    public static string? QuietProblem(string? start, string? end, out QuietHours? quiet)
    {
        quiet = null;
        if (Time(start) is not { } from)
        {
            return "L’heure de début des heures calmes n’est pas valable : écrivez-la comme 22:00.";
        }

        if (Time(end) is not { } to)
        {
            return "L’heure de fin des heures calmes n’est pas valable : écrivez-la comme 07:00.";
        }

        if (from == to)
        {
            return "Les heures calmes commencent et finissent à la même heure : choisissez deux heures différentes, ou aucune heure calme.";
        }

        quiet = new QuietHours(from, to);
        return null;
    }

    private static TimeOnly? Time(string? text)
    {
        var match = text is null ? null : TimePattern().Match(text);
        return match is { Success: true }
            ? new TimeOnly(int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture), match.Groups[2].Success ? int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture) : 0)
            : null;
    }

    /// <summary>An address with most of it hidden: <c>j•••@exemple.fr</c>, <c>+33 6 •• •• •• 78</c>, a push service's host.</summary>
    public static string Mask(SubscriberContact contact)
    {
        switch (contact.Channel)
        {
            case SubscriptionChannel.Email:
                var at = contact.Address.LastIndexOf('@');
                return at <= 0 ? "•••" : $"{contact.Address[0]}•••{contact.Address[at..]}";
            case SubscriptionChannel.WebPush:
                return Uri.TryCreate(contact.Address, UriKind.Absolute, out var endpoint) ? endpoint.Host : "•••";
            default:
                return contact.Address.Length > 4 ? $"{contact.Address[..3]}•••{contact.Address[^2..]}" : "•••";
        }
    }

    private static void Check(string field, ImmutableArray<string> chosen, IReadOnlySet<string> known, string unknown, string tooMany, IDictionary<string, string> errors)
    {
        if (chosen.IsDefaultOrEmpty)
        {
            return;
        }

        if (chosen.Length > MaxChoices)
        {
            errors[field] = $"{tooMany} (au plus {MaxChoices}).";
            return;
        }

        if (chosen.FirstOrDefault(c => !known.Contains(c)) is { } wrong)
        {
            errors[field] = TextRules.Problem(wrong, field) is null && wrong.Length <= 100
                ? $"{unknown} : « {wrong} »."
                : $"{unknown}.";
        }
    }

    // Deliberately narrower than RFC 5322: no quoted local parts, no comments, no IP literals; what residents type.
    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+\z")]
    private static partial Regex EmailPattern();

    // 0–23 hours, then minutes after ':' or 'h' (none after 'h' alone); ASCII digits only.
    [GeneratedRegex(@"^\s*([01]?[0-9]|2[0-3])(?:(?:[:hH]([0-5][0-9]))|[hH])\s*\z")]
    private static partial Regex TimePattern();
}
