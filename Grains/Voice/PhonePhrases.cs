using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Speech;

namespace AlloIndustrie.Grains.Voice;

/// <summary>What the phone line says around the notices, in French.</summary>
internal static class PhonePhrases
{
    /// <summary>Said once before the first recording, so that a caller knows the two keys before a long message.</summary>
    public const string KeysFirst = "À tout moment, tapez 1 pour réécouter, 2 pour passer au suivant.";

    public const string KeyFirstOnly = "À tout moment, tapez 1 pour réécouter.";

    /// <summary>
    /// The keys that make sense where the caller stands, in the keypad's order (1 to 5, then 0): no "next"
    /// after the last notice, no "previous" nor "back to the start" on the first, no "call me" unless the
    /// caller's number can be called and is not subscribed in this call already.
    /// </summary>
    public static string Menu(bool first, bool last, bool offerCalls)
    {
        var keys = new List<string> { "Pour réécouter cet événement, tapez 1." };
        if (!last)
        {
            keys.Add("Pour l’événement suivant, tapez 2.");
        }

        if (!first)
        {
            keys.Add("Pour l’événement précédent, tapez 3.");
        }

        keys.Add("Pour signaler ce que vous sentez, voyez ou entendez, tapez 4.");
        if (offerCalls)
        {
            keys.Add(CallsOffer);
        }

        if (!first)
        {
            keys.Add("Pour revenir au début, tapez 0.");
        }

        return string.Join(' ', keys);
    }

    public const string ReportMenu =
        "Que percevez-vous ? Une odeur, tapez 1. De la fumée, tapez 2. Un bruit, tapez 3. " +
        "Une lumière ou une flamme, tapez 4. Autre chose, tapez 5. Pour annuler, tapez 0. " +
        "Votre numéro n’est pas enregistré.";

    /// <summary>Key 5, in the notices' menu and alone when nothing is going on.</summary>
    public const string CallsOffer = "Pour être appelé à chaque nouvel événement, tapez 5.";

    public static string CallsConfirm(string territoryName) =>
        $"Vous serez appelé à ce numéro à chaque nouvel événement du territoire {territoryName}, exercices compris. " +
        "La nuit, de 22 heures à 7 heures, seuls les événements en cours vous seront annoncés. " +
        "Pour confirmer, tapez 1. Pour annuler, tapez 0.";

    public const string CallsSubscribed =
        "C’est noté : vous serez appelé à chaque nouvel événement. " +
        "Pour ne plus être appelé, tapez 9 pendant l’un de ces appels.";

    public const string CallsCancelled = "Inscription annulée.";

    public const string CallsWithheld =
        "Votre numéro est masqué : nous ne pouvons pas vous appeler. " +
        "Pour être appelé, rappelez sans masquer votre numéro, ou inscrivez-vous sur le site internet d’AlloIndustrie.";

    public const string CallsSimulated = "Ceci est un appel simulé : aucune inscription n’est faite.";

    public const string CallsRefused = "L’inscription n’a pas pu être faite. Réessayez plus tard.";

    public static string CallOutGreeting(string territoryName) =>
        $"Bonjour. Ici AlloIndustrie, l’information des riverains des sites industriels du territoire {territoryName}.";

    /// <summary>What kind of notice the call is about, before it is read.</summary>
    public static string CallOutIntro(NoticeSnapshot notice, DateTimeOffset now) => notice.AsOf(now).Status switch
    {
        NoticeStatus.Ended => "Un événement est terminé :",
        NoticeStatus.Scheduled => $"Un événement est prévu {SpokenFrench.When(notice.StartsAt, now)} :",
        _ => "Un événement est en cours :",
    };

    /// <summary>The call-out's keys, in the keypad's order.</summary>
    public const string CallOutMenu = "Pour réécouter ce message, tapez 1. Pour ne plus être appelé, tapez 9.";

    public const string CallOutMachine =
        "Ce message vous a été laissé par AlloIndustrie. Pour ne plus être appelé, tapez 9 pendant l’un de nos appels. Au revoir.";

    public const string CallOutGone =
        "L’événement dont nous voulions vous parler a été retiré, ou n’est plus d’actualité. Merci, au revoir.";

    public const string CallOutUnsubscribed = "C’est fait : vous ne serez plus appelé. Merci, au revoir.";

    public const string CallOutNotUnsubscribed =
        "Votre désinscription n’a pas pu être faite. Réessayez lors d’un prochain appel. Au revoir.";

    /// <summary>A confirmation code said digit by digit, twice, for a voice sign-up from the page.</summary>
    public static string ConfirmationCode(string territoryName, string code)
    {
        var digits = string.Join(", ", code.ToCharArray());
        return $"Bonjour. Ici AlloIndustrie, territoire {territoryName}. Votre code de confirmation est : {digits}. " +
            $"Je répète : {digits}. Saisissez-le sur la page d’inscription. Au revoir.";
    }

    public static string AlreadySubscribed(string territoryName) =>
        $"Bonjour. Ici AlloIndustrie. Ce numéro est déjà inscrit aux appels du territoire {territoryName}. " +
        "Pour ne plus être appelé, tapez 9 pendant l’un de nos appels. Au revoir.";

    public const string ReportCancelled = "Signalement annulé.";

    public const string ReportThanks = "Merci, votre signalement est enregistré.";

    public const string ReportSimulated = "Ceci est un appel simulé : le signalement n’est pas enregistré.";

    public const string ReportRefused = "Votre signalement n’a pas pu être enregistré. Réessayez plus tard.";

    public const string UnknownChoice = "Ce choix n’existe pas.";

    public const string Resume = "Reprenons depuis le début.";

    public const string BackToStart = "Retour au début.";

    public const string AllHeard = "Vous avez entendu tous les événements.";

    public const string ReadOnline = "La suite de cet événement est à lire sur le site internet d’AlloIndustrie.";

    public const string Goodbye = "Merci de votre appel. Au revoir.";

    public static string Greeting(string territoryName) =>
        $"Bonjour. Vous êtes sur la ligne d’information AlloIndustrie du territoire {territoryName}.";

    /// <summary>How many notices are in progress now, then, apart, those ended recently and those planned.</summary>
    public static IEnumerable<string> Count(int active, int ended, int scheduled)
    {
        yield return active == 0
            ? "Aucun événement n’est en cours en ce moment."
            : $"Il y a en ce moment {SpokenFrench.Count(active, "événement en cours", "événements en cours")}.";
        if (ended > 0)
        {
            yield return ended == 1 ? "Un événement est terminé depuis peu." : $"{ended} événements sont terminés depuis peu.";
        }

        if (scheduled > 0)
        {
            yield return scheduled == 1 ? "Un événement est prévu." : $"{scheduled} événements sont prévus.";
        }
    }

    public static string Nothing(DateTimeOffset now) =>
        $"Aucun événement en cours, ce {SpokenFrench.DayAndTime(now)}.";

    public static string Explained(string title, string siteName) =>
        $"C’est probablement expliqué par l’événement : {title}, {siteName}.";

    /// <summary>Where the caller is, and what kind of notice comes: in progress, ended, or planned and when.</summary>
    public static string Position(int index, int count, NoticeSnapshot notice, DateTimeOffset now)
    {
        var position = $"Événement {index + 1} sur {count}";
        return notice.AsOf(now).Status switch
        {
            NoticeStatus.Ended => $"{position}. Un événement est terminé :",
            NoticeStatus.Scheduled => $"{position}. Un événement est prévu {SpokenFrench.When(notice.StartsAt, now)} :",
            _ => $"{position}, en cours :",
        };
    }
}
