using System.Globalization;
using AlloIndustrie.Grains.Interfaces.Words;

namespace AlloIndustrie.WebFront.Residents.Localization;

/// <summary>Every word of the public pages in one language, so that a page never mixes two.</summary>
public sealed record Texts(
    Language Language,
    string Code,
    CultureInfo Culture,
    string DateTimeFormat,
    string OtherLanguageName,
    string OtherLanguageCode,
    string SkipToContent,
    string Tagline,
    string TerritoriesTitle,
    string TerritoriesIntro,
    string NoTerritory,
    string EventsTitle,
    string NoCurrentEvent,
    string CurrentEvents,
    string PageUpdatedAt,
    string Exercise,
    string Company,
    string Start,
    string ExpectedEnd,
    string EndedAt,
    string LastUpdate,
    string Status,
    string Nuisances,
    string Instructions,
    string Listen,
    string Timeline,
    string TimelinePublished,
    string TimelineEnded,
    string VisibleUntil,
    string SitesTitle,
    string MapLabel,
    string SiteRecent,
    string Offline,
    string Unconfirmed,
    string LiveUpdates,
    string AnnouncePublished,
    string AnnounceChanged,
    string AnnounceRemoved,
    string Feeds,
    string AtomFeed,
    string CapFeed,
    string CapDocument,
    string ByPhone,
    string NotFoundTitle,
    string NotFoundText,
    string BackToTerritories,
    string SeeAll,
    string Communes,
    string EarlierUpdates)
{
    /// <summary>The names of event types, nuisances, statuses and report kinds in this language.</summary>
    public Vocabulary Words => Vocabulary.For(Language);

    /// <summary>The widget's link to a notice's instructions, which it has no room for.</summary>
    public required string ReadInstructions { get; init; }

    /// <summary><see cref="DateTimeFormat"/> without the year, for dates of the current year.</summary>
    public required string DateTimeFormatThisYear { get; init; }

    /// <summary>The summary with exactly one event in progress (<see cref="CurrentEvents"/> for more).</summary>
    public required string OneCurrentEvent { get; init; }

    /// <summary><see cref="EarlierUpdates"/> when there is exactly one.</summary>
    public required string EarlierUpdate { get; init; }

    /// <summary>The end of a notice that has no expected end.</summary>
    public required string EndNotGiven { get; init; }

    /// <summary>The label of the end when it is ended or not given.</summary>
    public required string End { get; init; }

    /// <summary>Beside a site's name on the map while it has an event in progress.</summary>
    public required string CurrentEventOnMap { get; init; }

    /// <summary>Said after a number that costs nothing to call.</summary>
    public required string FreeCall { get; init; }

    /// <summary>The communes that can perceive the notice's site.</summary>
    public required string PerceivedFrom { get; init; }

    public static Texts French { get; } = new(
        Language.French,
        "fr",
        CultureInfo.GetCultureInfo("fr-FR"),
        "dddd d MMMM yyyy 'à' H' h 'mm",
        "English",
        "en",
        "Aller au contenu",
        "Ce que font les sites industriels près de chez vous",
        "Territoires",
        "Torchage, fumée, odeur, essai de sirène… Choisissez votre territoire pour savoir ce qui se passe en ce moment.",
        "Aucun territoire n’est encore ouvert.",
        "Événements",
        "Aucun événement en cours — vérifié à {0}",
        "{0} événements en cours — vérifié à {1}",
        "Page mise à jour à {0}",
        "Exercice",
        "Entreprise",
        "Début",
        "Fin prévue",
        "Terminé le",
        "Dernière mise à jour",
        "État",
        "Nuisances",
        "Consignes",
        "Écouter le message",
        "Chronologie",
        "Publication",
        "Fin de l’événement",
        "Visible jusqu’au",
        "Sites industriels",
        "Carte des sites industriels",
        "Événements récents de ce site",
        "Hors ligne : cette liste n’est peut-être plus à jour. Reconnexion en cours…",
        "Service perturbé : ces informations ont été confirmées pour la dernière fois à {0}. Elles seront mises à jour dès le retour du service.",
        "Cette page se met à jour d’elle-même.",
        "Nouvel événement",
        "Événement mis à jour",
        "Événement retiré de la liste",
        "Flux",
        "Flux Atom des événements",
        "Alertes CAP",
        "Alerte au format CAP",
        "Par téléphone",
        "Page introuvable",
        "Cette page n’existe pas ou n’est plus publiée. Les événements restent visibles pendant leur durée de conservation, puis disparaissent des pages publiques.",
        "Tous les territoires",
        "Voir tous les événements",
        "Communes concernées",
        "{0} mises à jour plus anciennes : voir l’historique")
    {
        ReadInstructions = "à lire dans l’avis complet",
        DateTimeFormatThisYear = "dddd d MMMM 'à' H' h 'mm",
        OneCurrentEvent = "1 événement en cours — vérifié à {0}",
        EarlierUpdate = "1 mise à jour plus ancienne : voir l’historique",
        EndNotGiven = "fin non précisée",
        End = "Fin",
        PerceivedFrom = "Perceptible depuis",
        FreeCall = "appel gratuit",
        CurrentEventOnMap = "événement en cours",
    };

    public static Texts English { get; } = new(
        Language.English,
        "en",
        CultureInfo.GetCultureInfo("en-GB"),
        "dddd d MMMM yyyy, HH:mm",
        "Français",
        "fr",
        "Skip to content",
        "What the industrial sites near you are doing",
        "Territories",
        "Flaring, smoke, odour, siren tests… Choose your territory to see what is going on right now.",
        "No territory is open yet.",
        "Events",
        "No current event — checked at {0}",
        "{0} current events — checked at {1}",
        "Page updated at {0}",
        "Drill",
        "Company",
        "Start",
        "Expected end",
        "Ended on",
        "Last update",
        "Status",
        "Nuisances",
        "What to do",
        "Listen to the message",
        "Timeline",
        "Published",
        "End of the event",
        "Visible until",
        "Industrial sites",
        "Map of the industrial sites",
        "Recent events at this site",
        "Offline: this list may be out of date. Reconnecting…",
        "Service disrupted: this information was last confirmed at {0}. It will be updated as soon as the service is back.",
        "This page updates itself.",
        "New event",
        "Event updated",
        "Event removed from the list",
        "Feeds",
        "Atom feed of the events",
        "CAP alerts",
        "CAP alert",
        "By phone",
        "Page not found",
        "This page does not exist or is no longer published. Events stay visible for their retention period, then leave the public pages.",
        "All territories",
        "See all events",
        "Communes concerned",
        "{0} earlier updates: see the timeline")
    {
        ReadInstructions = "read them in the full notice",
        DateTimeFormatThisYear = "dddd d MMMM, HH:mm",
        OneCurrentEvent = "1 current event — checked at {0}",
        EarlierUpdate = "1 earlier update: see the timeline",
        EndNotGiven = "end not given",
        End = "End",
        PerceivedFrom = "Noticeable from",
        FreeCall = "free call",
        CurrentEventOnMap = "event in progress",
    };

    public static Texts For(Language language) => language == Language.English ? English : French;
}
