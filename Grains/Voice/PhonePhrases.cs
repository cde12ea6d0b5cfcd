using AlloIndustrie.Grains.Speech;

namespace AlloIndustrie.Grains.Voice;

/// <summary>What the phone line says around the notices, in French.</summary>
internal static class PhonePhrases
{
    public const string Menu =
        "Pour réécouter cet événement, tapez 1. Pour l’événement suivant, tapez 2. " +
        "Pour l’événement précédent, tapez 3. Pour revenir au début, tapez 0.";

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

    public static string Position(int index, int count) => $"Événement {index + 1} sur {count}.";
}
