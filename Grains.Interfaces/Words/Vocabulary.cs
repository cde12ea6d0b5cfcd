using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Accounts;
using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.Grains.Interfaces.Words;

/// <summary>
/// The one vocabulary of the service: the contract's closed lists (event types, nuisances), the statuses,
/// the kinds of residents' reports and the dashboard's roles, each word in French and English side by side,
/// so that no list can gain a key in one language only. Pages, feeds, exports, speech and the phone menu
/// all read their words here.
/// </summary>
public sealed class Vocabulary
{
    private static readonly (string Key, string French, string English)[] EventTypeWords =
    [
        ("fire", "Incendie", "Fire"),
        ("smoke", "Fumée", "Smoke"),
        ("odour", "Odeur", "Odour"),
        ("siren", "Sirène", "Siren"),
        ("flare", "Torchage", "Flaring"),
        ("valve-noise", "Bruit de soupape", "Valve noise"),
        ("noise", "Bruit", "Noise"),
        ("steam", "Vapeur", "Steam"),
        ("light", "Lumière", "Light"),
        ("dust", "Poussières", "Dust"),
        ("other", "Autre événement", "Other event"),
    ];

    private static readonly (string Key, string French, string English)[] NuisanceWords =
    [
        ("noise", "Bruit", "Noise"),
        ("smoke", "Fumée", "Smoke"),
        ("odour", "Odeur", "Odour"),
        ("light", "Lumière", "Light"),
        ("vibration", "Vibrations", "Vibrations"),
        ("dust", "Poussières", "Dust"),
        ("traffic", "Circulation", "Traffic"),
    ];

    /// <summary>Report kinds in the order the phone menu offers them (1 to 5): the name of a count, then the choice a resident makes.</summary>
    private static readonly (string Key, string French, string English, string FrenchChoice, string EnglishChoice)[] ReportKindWords =
    [
        ("odour", "Odeur", "Odour", "Une odeur", "An odour"),
        ("smoke", "Fumée", "Smoke", "De la fumée", "Smoke"),
        ("noise", "Bruit", "Noise", "Un bruit", "A noise"),
        ("light", "Lumière", "Light", "Une lumière, une flamme", "A light, a flame"),
        ("other", "Autre", "Other", "Autre chose", "Something else"),
    ];

    private readonly ImmutableDictionary<string, string> reportKinds;
    private readonly ImmutableDictionary<string, string> reportChoices;

    private Vocabulary(Language language)
    {
        var english = language == Language.English;
        Language = language;
        EventTypes = EventTypeWords.ToImmutableDictionary(w => w.Key, w => english ? w.English : w.French);
        Nuisances = NuisanceWords.ToImmutableDictionary(w => w.Key, w => english ? w.English : w.French);
        reportKinds = ReportKindWords.ToImmutableDictionary(w => w.Key, w => english ? w.English : w.French);
        reportChoices = ReportKindWords.ToImmutableDictionary(w => w.Key, w => english ? w.EnglishChoice : w.FrenchChoice);
    }

    public static Vocabulary French { get; } = new(Language.French);

    public static Vocabulary English { get; } = new(Language.English);

    public static Vocabulary For(Language language) => language == Language.English ? English : French;

    /// <summary>The contract's event types.</summary>
    public static ImmutableArray<string> EventTypeKeys { get; } = [.. EventTypeWords.Select(w => w.Key)];

    /// <summary>The contract's nuisances.</summary>
    public static ImmutableArray<string> NuisanceKeys { get; } = [.. NuisanceWords.Select(w => w.Key)];

    /// <summary>What residents may report, in the order of the phone menu.</summary>
    public static ImmutableArray<string> ReportKindKeys { get; } = [.. ReportKindWords.Select(w => w.Key)];

    public Language Language { get; }

    /// <summary>Event type → its name in this language.</summary>
    public ImmutableDictionary<string, string> EventTypes { get; }

    /// <summary>Nuisance → its name in this language.</summary>
    public ImmutableDictionary<string, string> Nuisances { get; }

    public string EventType(string eventType) => EventTypes.GetValueOrDefault(eventType, eventType);

    public string Nuisance(string nuisance) => Nuisances.GetValueOrDefault(nuisance, nuisance);

    /// <summary>A status in plain words, as the pages, the feeds, the exports and the phone say it.</summary>
    public string Status(NoticeStatus status) => (status, Language) switch
    {
        (NoticeStatus.Scheduled, Language.English) => "upcoming",
        (NoticeStatus.Active, Language.English) => "ongoing",
        (NoticeStatus.Ended, Language.English) => "ended",
        (NoticeStatus.Expired, Language.English) => "expired",
        (NoticeStatus.Withdrawn, Language.English) => "withdrawn",
        (NoticeStatus.Scheduled, _) => "à venir",
        (NoticeStatus.Active, _) => "en cours",
        (NoticeStatus.Ended, _) => "terminé",
        (NoticeStatus.Expired, _) => "expiré",
        (NoticeStatus.Withdrawn, _) => "retiré",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>A report kind as a count's heading or an alert's title: "Odeur".</summary>
    public string ReportKind(string kind) => reportKinds.GetValueOrDefault(kind, reportKinds["other"]);

    /// <summary>A report kind as the resident chooses it: "Une odeur".</summary>
    public string ReportKindChoice(string kind) => reportChoices.GetValueOrDefault(kind, kind);

    /// <summary>A dashboard role's name.</summary>
    public string Role(AccountRole role) => (role, Language) switch
    {
        (AccountRole.Operator, Language.English) => "Operator",
        (AccountRole.TerritoryAdmin, Language.English) => "Territory administrator",
        (AccountRole.Authority, Language.English) => "Regional authority (read only)",
        (AccountRole.SuperAdmin, Language.English) => "Super administrator",
        (AccountRole.Operator, _) => "Exploitant",
        (AccountRole.TerritoryAdmin, _) => "Administrateur de territoire",
        (AccountRole.Authority, _) => "Autorité régionale (lecture seule)",
        (AccountRole.SuperAdmin, _) => "Super administrateur",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
