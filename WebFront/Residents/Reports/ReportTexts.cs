using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Reports;
using AlloIndustrie.Grains.Interfaces.Words;

namespace AlloIndustrie.WebFront.Residents.Reports;

/// <summary>Every word of the residents' reports ("Je signale"), in the page's language, so that a page never mixes two.</summary>
public sealed record ReportTexts
{
    public required Language Language { get; init; }
    public required string Code { get; init; }
    public required string SectionTitle { get; init; }
    public required string SectionIntro { get; init; }
    public required string Perceive { get; init; }
    public required string YourCommune { get; init; }
    public required string Choose { get; init; }
    public required string UsePosition { get; init; }
    public required string Since { get; init; }
    public required string Now { get; init; }

    /// <summary>"Il y a {0} minutes".</summary>
    public required string MinutesAgo { get; init; }

    /// <summary>The free text's label, with its limit as {0}.</summary>
    public required string DetailsLabel { get; init; }
    public required string Details { get; init; }
    public required string Send { get; init; }
    public required string Consent { get; init; }
    public required string Locating { get; init; }

    /// <summary>The commune the position gave, as {0}.</summary>
    public required string Found { get; init; }
    public required string NotListed { get; init; }
    public required string PositionDenied { get; init; }
    public required string PositionUnavailable { get; init; }
    public required string Sending { get; init; }
    public required string Failed { get; init; }
    public required string Thanks { get; init; }
    public required string Explained { get; init; }
    public required string Unexplained { get; init; }
    public required string TooMany { get; init; }
    public required string Recorded { get; init; }
    public required string NotRecorded { get; init; }
    public required string ConfirmTitle { get; init; }
    public required string ConfirmIntro { get; init; }
    public required string Commune { get; init; }

    /// <summary>The territory's name as {0}.</summary>
    public required string BackTo { get; init; }

    /// <summary>The territory's name as {0}.</summary>
    public required string CancelAndBackTo { get; init; }

    /// <summary>The territory's name as {0}.</summary>
    public required string CountsPageTitle { get; init; }
    public required string CountsTitle { get; init; }

    /// <summary>The territory's name as {0}.</summary>
    public required string CountsIntro { get; init; }
    public required string NoReports { get; init; }
    public required string CountsCaption { get; init; }
    public required string Total { get; init; }
    public required string ByPhone { get; init; }
    public required string CountsLink { get; init; }
    public required string HeatTitle { get; init; }
    public required string HeatNone { get; init; }
    public required string HeatLink { get; init; }
    public required string OneReport { get; init; }

    /// <summary>A count above one as {0}.</summary>
    public required string Reports { get; init; }

    /// <summary>
    /// English words for the desk's refusals, by field, else by kind (<see cref="NoticeErrorKind"/>); French pages
    /// show the desk's own words.
    /// </summary>
    public IReadOnlyDictionary<string, string> Refusals { get; init; } = new Dictionary<string, string>();

    public Vocabulary Words => Vocabulary.For(Language);

    public static ReportTexts French { get; } = new()
    {
        Language = Language.French,
        Code = "fr",
        SectionTitle = "Je signale",
        SectionIntro = "Vous sentez, voyez ou entendez quelque chose d’inhabituel ? Dites-le en quelques secondes : ce que vous percevez, votre commune, puis « Envoyer mon signalement ». Si un événement publié l’explique, nous vous le montrons tout de suite.",
        Perceive = "Ce que vous percevez",
        YourCommune = "Votre commune",
        Choose = "Choisissez…",
        UsePosition = "Utiliser ma position",
        Since = "Depuis quand",
        Now = "Maintenant",
        MinutesAgo = "Il y a {0} minutes",
        DetailsLabel = "Précisions (facultatif, {0} caractères au plus)",
        Details = "Précisions",
        Send = "Envoyer mon signalement",
        Consent =
            "Votre signalement est anonyme : nous ne demandons ni nom ni adresse, et nous n’enregistrons pas votre adresse IP. " +
            "Nous gardons seulement ce que vous percevez, la commune, l’heure et votre texte éventuel, pour prévenir les exploitants " +
            "et publier un décompte par commune. N’écrivez pas de nom ni de coordonnées dans le texte. " +
            "Si vous utilisez votre position, votre navigateur l’arrondit à environ 500 mètres avant de l’envoyer ; " +
            "nous n’en déduisons que la commune la plus proche, et votre position n’est ni conservée ni inscrite dans nos journaux.",
        Locating = "Recherche de votre position…",
        Found = "Commune trouvée : {0}. Vous pouvez la changer dans la liste.",
        NotListed = "Votre commune n’est pas dans la liste : choisissez-la vous-même.",
        PositionDenied = "Votre navigateur n’a pas donné votre position : choisissez votre commune dans la liste.",
        PositionUnavailable = "Votre position n’a pas pu être trouvée : choisissez votre commune dans la liste.",
        Sending = "Envoi en cours : votre navigateur fait un petit calcul de sécurité…",
        Failed = "Le signalement n’a pas pu être envoyé. Réessayez dans un instant.",
        Thanks = "Merci, votre signalement est enregistré.",
        Explained = "C’est probablement expliqué par :",
        Unexplained =
            "Aucun événement publié ne l’explique pour l’instant. Si d’autres habitants signalent la même chose, " +
            "les exploitants des sites proches et les responsables du territoire seront prévenus.",
        TooMany = "Vous avez envoyé beaucoup de signalements : merci, réessayez dans une heure.",
        Recorded = "Signalement enregistré",
        NotRecorded = "Signalement non enregistré",
        ConfirmTitle = "Confirmer mon signalement",
        ConfirmIntro = "Pour limiter les envois automatiques, confirmez votre signalement. S’il part trop tôt, il attend quelques secondes avant d’être enregistré.",
        Commune = "Commune",
        BackTo = "Revenir à {0}",
        CancelAndBackTo = "Annuler et revenir à {0}",
        CountsPageTitle = "Signalements — {0}",
        CountsTitle = "Signalements des dernières 24 heures",
        CountsIntro = "{0} — ce que les habitants ont signalé, compté par commune. Les signalements par téléphone ne précisent pas de commune.",
        NoReports = "Aucun signalement ces dernières 24 heures.",
        CountsCaption = "Nombre de signalements par commune et par nature",
        Total = "Total",
        ByPhone = "Par téléphone (commune non précisée)",
        CountsLink = "Signalements des dernières 24 heures, par commune",
        HeatTitle = "Signalements des dernières 24 heures sur la carte",
        HeatNone = "Aucun signalement situé sur la carte ces dernières 24 heures.",
        HeatLink = "Tous les signalements des dernières 24 heures, par commune et par nature",
        OneReport = "1 signalement",
        Reports = "{0} signalements",
    };

    public static ReportTexts English { get; } = new()
    {
        Language = Language.English,
        Code = "en",
        SectionTitle = "Report something",
        SectionIntro = "Can you smell, see or hear something unusual? Tell us in a few seconds: what you perceive, your commune, then \"Send my report\". If a published event explains it, we show it to you at once.",
        Perceive = "What you perceive",
        YourCommune = "Your commune",
        Choose = "Choose…",
        UsePosition = "Use my position",
        Since = "Since when",
        Now = "Now",
        MinutesAgo = "{0} minutes ago",
        DetailsLabel = "Details (optional, {0} characters at most)",
        Details = "Details",
        Send = "Send my report",
        Consent =
            "Your report is anonymous: we ask for no name or address, and we do not record your IP address. " +
            "We keep only what you perceive, the commune, the time and any text you write, to warn the operators " +
            "and publish a count per commune. Do not write names or contact details in the text. " +
            "If you use your position, your browser rounds it to about 500 metres before sending it; " +
            "we only work out the nearest commune from it, and your position is neither kept nor written to our logs.",
        Locating = "Finding your position…",
        Found = "Commune found: {0}. You can change it in the list.",
        NotListed = "Your commune is not in the list: please choose it yourself.",
        PositionDenied = "Your browser did not give your position: please choose your commune in the list.",
        PositionUnavailable = "Your position could not be found: please choose your commune in the list.",
        Sending = "Sending: your browser is doing a small security calculation…",
        Failed = "The report could not be sent. Please try again in a moment.",
        Thanks = "Thank you, your report has been recorded.",
        Explained = "It is probably explained by:",
        Unexplained =
            "No published event explains it yet. If other residents report the same thing, " +
            "the operators of the nearby sites and the territory's officials will be warned.",
        TooMany = "You have sent many reports: thank you, please try again in an hour.",
        Recorded = "Report recorded",
        NotRecorded = "Report not recorded",
        ConfirmTitle = "Confirm my report",
        ConfirmIntro = "To keep automated sending down, please confirm your report. If it goes too early, it waits a few seconds before being recorded.",
        Commune = "Commune",
        BackTo = "Back to {0}",
        CancelAndBackTo = "Cancel and go back to {0}",
        CountsPageTitle = "Reports — {0}",
        CountsTitle = "Reports of the last 24 hours",
        CountsIntro = "{0}: what residents reported, counted per commune. Reports made by phone give no commune.",
        NoReports = "No report in the last 24 hours.",
        CountsCaption = "Number of reports per commune and kind",
        Total = "Total",
        ByPhone = "By phone (no commune given)",
        CountsLink = "Reports of the last 24 hours, per commune",
        HeatTitle = "Reports of the last 24 hours on the map",
        HeatNone = "No report placed on the map in the last 24 hours.",
        HeatLink = "All reports of the last 24 hours, per commune and kind",
        OneReport = "1 report",
        Reports = "{0} reports",
        Refusals = new Dictionary<string, string>
        {
            ["kind"] = "Please choose what you perceive in the list.",
            ["commune"] = "Please choose your commune in the territory's list.",
            ["position"] = "Please give your commune or your position, not both, and a position in the territory.",
            ["occurredAt"] = "The time given is not possible.",
            ["text"] = $"The text must be at most {ReportVocabulary.TextMaxLength} characters long, written as plain text.",
            ["proof"] = "Your report could not be checked. Please send it again.",
            [nameof(NoticeErrorKind.TooMany)] = "Many reports are coming from this commune: thank you, they have been counted. Please try again later.",
            [nameof(NoticeErrorKind.NotFound)] = "This territory does not exist.",
        },
    };

    public static ReportTexts For(Language language) => language == Language.English ? English : French;

    /// <summary>A client over its hourly limit, told when to try again.</summary>
    public CommandError TooManyReports => CommandError.TooMany(TooMany, ClientLimits.RetryAfter);

    /// <summary>Why the desk refused a report, in this language, with the same kind, field and wait.</summary>
    public CommandError Refusal(CommandError error)
    {
        if (Language != Language.English)
        {
            return error;
        }

        var byField = error.Errors.Keys.SingleOrDefault() is { } field ? Refusals.GetValueOrDefault(field) : null;
        return Worded(error, byField ?? Refusals.GetValueOrDefault(error.Kind.ToString(), Failed));
    }

    /// <summary>Why the desk found no commune for a position, in this language: in English, only that it could not be used.</summary>
    public CommandError LocateRefusal(CommandError error) =>
        Language == Language.English && error.Kind == NoticeErrorKind.Invalid ? Worded(error, PositionUnavailable) : Refusal(error);

    private static CommandError Worded(CommandError error, string message) =>
        error with { Title = message, Errors = error.Errors.ToImmutableDictionary(e => e.Key, _ => message) };

    /// <summary>"1 signalement", "3 signalements".</summary>
    public string Count(int count) => count == 1 ? OneReport : string.Format(System.Globalization.CultureInfo.InvariantCulture, Reports, count);
}
