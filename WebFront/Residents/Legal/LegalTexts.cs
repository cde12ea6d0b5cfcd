using System.Globalization;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Interfaces.Words;

namespace AlloIndustrie.WebFront.Residents.Legal;

/// <summary>
/// Every word of the footer and of the pages a French public service must have (accessibility statement, personal
/// data, legal notice), in the page's language. What differs by territory comes from its <see cref="TerritoryLegal"/>;
/// how long data is kept comes from <see cref="PersonalDataRetention"/>, which the grains keeping it read too.
/// </summary>
public sealed record LegalTexts
{
    public required string FooterLabel { get; init; }
    public required string Operators { get; init; }
    public required string Accessibility { get; init; }
    public required string PersonalData { get; init; }
    public required string LegalNotice { get; init; }

    public required string AccessibilityTitle { get; init; }

    /// <summary>The commitment, with the publisher as {0}.</summary>
    public required string AccessibilityCommitment { get; init; }
    public required string ConformityTitle { get; init; }

    /// <summary>The status sentence, with the territory's name as {0} and the status as {1}.</summary>
    public required string ConformityStatement { get; init; }
    public required string NoAudit { get; init; }
    public required string AutomatedChecks { get; init; }
    public required string Alternatives { get; init; }
    public required string FeedbackTitle { get; init; }
    public required string Feedback { get; init; }
    public required string RemediesTitle { get; init; }
    public required string Remedies { get; init; }

    public required string PrivacyTitle { get; init; }
    public required string PrivacyIntro { get; init; }
    public required string ReportsTitle { get; init; }
    public required IReadOnlyList<string> Reports { get; init; }
    public required string SubscriptionsTitle { get; init; }
    public required IReadOnlyList<string> Subscriptions { get; init; }
    public required string WhomTitle { get; init; }

    /// <summary>The controller, with the publisher as {0}.</summary>
    public required string Controller { get; init; }
    public required string RightsTitle { get; init; }
    public required string Rights { get; init; }
    public required string Complaint { get; init; }

    public required string LegalTitle { get; init; }
    public required string PublisherTitle { get; init; }
    public required string HostTitle { get; init; }
    public required string HostNotGiven { get; init; }
    public required string ContentTitle { get; init; }
    public required string Content { get; init; }

    public required string Contact { get; init; }

    /// <summary>Where to write when the territory gave no contact: its publisher.</summary>
    public required string ContactNotGiven { get; init; }

    /// <summary>Without a territory: each territory's pages name its own publisher and contacts.</summary>
    public required string EachTerritory { get; init; }

    public required Func<AccessibilityConformity, string> Status { get; init; }

    /// <summary>The footer's link: the RGAA asks for the status beside the word.</summary>
    public string AccessibilityLink(AccessibilityConformity conformity, string colon) => $"{Accessibility}{colon}{Status(conformity)}";

    public static LegalTexts For(Language language) => language == Language.English ? English : French;

    // Hours up to two days, as people say them ("24 heures", not "1 jour").
    private static string Duration(TimeSpan span, bool english) => span switch
    {
        { TotalHours: >= 48 } => Count((int)span.TotalDays, english ? "day" : "jour", english ? "one" : "un", english),
        { TotalHours: >= 1 } => Count((int)span.TotalHours, english ? "hour" : "heure", english ? "one" : "une", english),
        _ => Count((int)span.TotalMinutes, "minute", english ? "one" : "une", english),
    };

    private static string Count(int count, string unit, string one, bool english) =>
        count == 1 ? $"{one} {unit}" : string.Create(english ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("fr-FR"), $"{count} {unit}s");

    public static LegalTexts French { get; } = new()
    {
        FooterLabel = "Informations sur le service",
        Operators = "Espace exploitants",
        Accessibility = "Accessibilité",
        PersonalData = "Données personnelles",
        LegalNotice = "Mentions légales",
        AccessibilityTitle = "Déclaration d’accessibilité",
        AccessibilityCommitment = "{0} s’engage à rendre ce service accessible, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.",
        ConformityTitle = "État de conformité",
        ConformityStatement = "Le site public de {0} est {1} avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.",
        NoAudit = "Aucun audit de conformité n’a encore été réalisé : tant qu’aucun audit ne l’établit, le service se déclare non conforme, comme le demande le RGAA.",
        AutomatedChecks = "Chaque version du service est vérifiée automatiquement (règles WCAG 2.1 niveau AA, avec axe-core) et les pages restent complètes sans JavaScript ; ces vérifications ne remplacent pas un audit.",
        Alternatives = "Les mêmes événements sont lus au téléphone, et publiés en flux Atom et CAP.",
        FeedbackTitle = "Signaler un problème d’accessibilité",
        Feedback = "Si vous n’arrivez pas à accéder à un contenu ou à une fonction, écrivez-nous pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme",
        RemediesTitle = "Voies de recours",
        Remedies = "Si vous nous avez signalé un défaut d’accessibilité et n’avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des droits : par son formulaire en ligne (defenseurdesdroits.fr), auprès de son délégué dans votre département, ou par courrier gratuit, sans affranchissement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
        PrivacyTitle = "Données personnelles",
        PrivacyIntro = "Consulter les événements ne demande ni compte ni nom, et aucune mesure d’audience n’est faite. Seuls les signalements et les abonnements que vous choisissez d’envoyer gardent quelque chose, pour le temps dit ci-dessous.",
        ReportsTitle = "Vos signalements (« Je signale »)",
        Reports =
        [
            "Un signalement garde ce que vous percevez (odeur, fumée, bruit, lumière, autre), la commune, l’heure et, si vous en écrivez un, votre texte. Ni compte, ni nom, ni adresse.",
            "Votre position, si vous utilisez « Utiliser ma position », est arrondie à environ 500 m sur votre appareil et sert seulement à trouver la commune : elle n’est ni conservée ni journalisée.",
            $"L’adresse réseau de votre appareil n’est jamais conservée : elle devient un jeton salé avec une clé gardée en mémoire et remplacée toutes les {Duration(PersonalDataRetention.SourceSalt, false)}, pour qu’une même personne ne compte qu’une fois. Ce jeton et le signalement sont gardés {Duration(PersonalDataRetention.ReportWindow, false)}, le temps de rapprocher les signalements voisins.",
            $"Les comptes publics (minute, commune et nature, rien d’autre) restent {Duration(PersonalDataRetention.ReportCounts, false)}.",
            $"Si plusieurs signalements voisins restent inexpliqués, une alerte les montre aux administrateurs du territoire et aux exploitants des sites concernés, avec leurs textes ; elle est effacée {Duration(PersonalDataRetention.ReportAlerts, false)} après son dernier signalement.",
            "Par téléphone, le signalement est gardé sans votre numéro.",
        ],
        SubscriptionsTitle = "Vos abonnements",
        Subscriptions =
        [
            "Un abonnement garde votre adresse de contact (e-mail, numéro de téléphone ou adresse d’envoi de votre navigateur), chiffrée, qui ne sert qu’à vous envoyer les avis, et vos choix (communes, sites, exercices, langue).",
            $"Un abonnement qui n’est pas confirmé est effacé au bout de {Duration(PersonalDataRetention.PendingSubscription, false)}.",
            "Un abonnement actif est gardé jusqu’à votre désabonnement (un lien dans chaque message, ou la page de gestion) ou jusqu’à ce que l’adresse n’existe plus ; il est alors effacé avec son contact, aussitôt.",
            "Les exploitants et les administrateurs ne voient que des nombres, jamais un abonné. Aucune ouverture ni aucun clic n’est suivi.",
        ],
        WhomTitle = "Qui contacter",
        Controller = "Le responsable de ces traitements est l’éditeur du service : {0}.",
        RightsTitle = "Vos droits",
        Rights = "Vous pouvez accéder à vos données, les faire rectifier ou effacer, en limiter le traitement ou vous y opposer (articles 15 à 21 du règlement général sur la protection des données). Le plus simple pour effacer un abonnement est de vous désabonner ; un signalement, lui, ne peut pas être retrouvé puisqu’il ne dit pas qui l’a envoyé.",
        Complaint = "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL (cnil.fr).",
        LegalTitle = "Mentions légales",
        PublisherTitle = "Éditeur",
        HostTitle = "Hébergeur",
        HostNotGiven = "L’éditeur n’a pas encore indiqué l’hébergeur : demandez-le-lui.",
        ContentTitle = "Contenus",
        Content = "Les événements sont publiés par les exploitants des sites industriels, sous leur responsabilité. Les signalements des habitants ne sont montrés qu’en nombres, par commune.",
        Contact = "Contact",
        ContactNotGiven = "l’éditeur du service (voir les mentions légales)",
        EachTerritory = "Chaque territoire a son éditeur et ses contacts, donnés sur ses propres pages :",
        Status = conformity => conformity switch
        {
            AccessibilityConformity.Full => "totalement conforme",
            AccessibilityConformity.Partial => "partiellement conforme",
            _ => "non conforme",
        },
    };

    public static LegalTexts English { get; } = new()
    {
        FooterLabel = "About this service",
        Operators = "Operators’ area",
        Accessibility = "Accessibility",
        PersonalData = "Personal data",
        LegalNotice = "Legal notice",
        AccessibilityTitle = "Accessibility statement",
        AccessibilityCommitment = "{0} is committed to making this service accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005.",
        ConformityTitle = "Compliance status",
        ConformityStatement = "The public site of {0} is {1} with the French accessibility framework (RGAA), version 4.1.",
        NoAudit = "No compliance audit has been carried out yet: until an audit establishes otherwise, the service declares itself not compliant, as the RGAA requires.",
        AutomatedChecks = "Every version of the service is checked automatically (WCAG 2.1 level AA rules, with axe-core) and the pages stay complete without JavaScript; these checks do not replace an audit.",
        Alternatives = "The same events are read out on the phone line, and published as Atom and CAP feeds.",
        FeedbackTitle = "Report an accessibility problem",
        Feedback = "If you cannot reach some content or feature, write to us to be directed to an accessible alternative or to get the content in another form",
        RemediesTitle = "Remedies",
        Remedies = "If you reported an accessibility defect and did not get a satisfactory answer, you may refer the matter to the Défenseur des droits: through its online form (defenseurdesdroits.fr), its delegate in your département, or by free post, no stamp needed: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
        PrivacyTitle = "Personal data",
        PrivacyIntro = "Reading the events needs no account and no name, and no audience measurement is made. Only the reports and subscriptions you choose to send keep anything, for the time given below.",
        ReportsTitle = "Your reports (“Report something”)",
        Reports =
        [
            "A report keeps what you perceive (odour, smoke, noise, light, other), the commune, the time and, if you write one, your text. No account, no name, no address.",
            "Your position, if you use “Use my position”, is rounded to about 500 m on your device and only serves to find the commune: it is neither kept nor logged.",
            $"Your device’s network address is never kept: it becomes a token salted with a key held in memory and replaced every {Duration(PersonalDataRetention.SourceSalt, true)}, so that one person counts only once. That token and the report are kept for {Duration(PersonalDataRetention.ReportWindow, true)}, the time to bring nearby reports together.",
            $"The public counts (minute, commune and kind, nothing else) stay for {Duration(PersonalDataRetention.ReportCounts, true)}.",
            $"If several nearby reports remain unexplained, an alert shows them to the territory’s administrators and to the operators of the sites concerned, with their texts; it is deleted {Duration(PersonalDataRetention.ReportAlerts, true)} after its last report.",
            "By phone, the report is kept without your number.",
        ],
        SubscriptionsTitle = "Your subscriptions",
        Subscriptions =
        [
            "A subscription keeps your contact address (e-mail, phone number or your browser’s push address), encrypted, which serves only to send you the notices, and your choices (communes, sites, drills, language).",
            $"A subscription that is not confirmed is deleted after {Duration(PersonalDataRetention.PendingSubscription, true)}.",
            "An active subscription is kept until you unsubscribe (a link in every message, or the management page) or until the address no longer exists; it is then deleted with its contact, at once.",
            "Operators and administrators only see numbers, never a subscriber. No open and no click is tracked.",
        ],
        WhomTitle = "Whom to ask",
        Controller = "The controller of this processing is the service’s publisher: {0}.",
        RightsTitle = "Your rights",
        Rights = "You may access your data, have it corrected or erased, restrict its processing or object to it (articles 15 to 21 of the General Data Protection Regulation). The simplest way to erase a subscription is to unsubscribe; a report cannot be found again, since it does not say who sent it.",
        Complaint = "If you consider that your rights are not respected, you may lodge a complaint with the CNIL (cnil.fr).",
        LegalTitle = "Legal notice",
        PublisherTitle = "Publisher",
        HostTitle = "Host",
        HostNotGiven = "The publisher has not named the host yet: ask them.",
        ContentTitle = "Content",
        Content = "Events are published by the industrial sites’ operators, under their responsibility. Residents’ reports are only shown as numbers, per commune.",
        Contact = "Contact",
        ContactNotGiven = "the service’s publisher (see the legal notice)",
        EachTerritory = "Each territory has its own publisher and contacts, given on its own pages:",
        Status = conformity => conformity switch
        {
            AccessibilityConformity.Full => "fully compliant",
            AccessibilityConformity.Partial => "partially compliant",
            _ => "not compliant",
        },
    };
}
