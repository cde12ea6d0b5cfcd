using AlloIndustrie.Grains.Speech;

namespace AlloIndustrie.Grains.Voice;

/// <summary>What the phone line says around the notices, in French.</summary>
internal static class PhonePhrases
{
    public const string Menu =
        "Pour réécouter cet événement, tapez 1. Pour l’événement suivant, tapez 2. " +
        "Pour l’événement précédent, tapez 3. Pour revenir au début, tapez 0. " +
        "Pour signaler ce que vous sentez, voyez ou entendez, tapez 4.";

    public const string ReportMenu =
        "Que percevez-vous ? Une odeur, tapez 1. De la fumée, tapez 2. Un bruit, tapez 3. " +
        "Une lumière ou une flamme, tapez 4. Autre chose, tapez 5. Pour annuler, tapez 0. " +
        "Votre numéro n’est pas enregistré.";

    public const string ReportCancelled = "Signalement annulé.";

    public const string ReportThanks = "Merci, votre signalement est enregistré.";

    public const string ReportRefused = "Votre signalement n’a pas pu être enregistré. Réessayez plus tard.";

    public const string UnknownChoice = "Ce choix n’existe pas.";

    public const string Resume = "Reprenons depuis le début.";

    public const string BackToStart = "Retour au début.";

    public const string AllHeard = "Vous avez entendu tous les événements en cours.";

    public const string ReadOnline = "La suite de cet avis est à lire sur le site internet d’AlloIndustrie.";

    public const string Goodbye = "Merci de votre appel. Au revoir.";

    public static string Greeting(string territoryName) =>
        $"Bonjour. Vous êtes sur la ligne d’information AlloIndustrie du territoire {territoryName}.";

    public static string Count(int count) =>
        $"Il y a en ce moment {SpokenFrench.Count(count, "événement signalé", "événements signalés")}.";

    public static string Nothing(DateTimeOffset now) =>
        $"Aucun événement en cours, ce {SpokenFrench.DayAndTime(now)}.";

    public static string Explained(string title, string siteName) =>
        $"C’est probablement expliqué par l’événement : {title}, {siteName}.";

    public static string Position(int index, int count) => $"Événement {index + 1} sur {count}.";
}
