using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.Grains.Subscriptions.Channels.Sms;

/// <summary>
/// Every word of the SMS, in French and English, in one place. Only characters of GSM-7's alphabet (é, è, à are;
/// ê, ç, ’ are not), so that the service's own words never make a notice cost UCS-2's shorter segments.
/// </summary>
public sealed record SmsTexts(
    string Drill,
    string Published,
    string Started,
    string Updated,
    string Ended,
    string Withdrawn,
    string Stop,
    string Code,
    string Already)
{
    public static SmsTexts French { get; } = new(
        "EXERCICE - ",
        "",
        "Début : ",
        "Mise à jour : ",
        "Terminé : ",
        "Avis retiré : ",
        "Répondez STOP pour vous désabonner.",
        "{0} : votre code de confirmation est {1}. Saisissez-le sur la page d'abonnement. Si vous n'avez rien demandé, ignorez ce SMS.",
        "{0} : ce numéro est déjà abonné aux avis par SMS. Gérer l'abonnement : {1} Répondez STOP pour vous désabonner.");

    public static SmsTexts English { get; } = new(
        "EXERCISE - ",
        "",
        "Started: ",
        "Update: ",
        "Over: ",
        "Withdrawn: ",
        "Reply STOP to unsubscribe.",
        "{0}: your confirmation code is {1}. Type it on the subscription page. If you asked for nothing, ignore this SMS.",
        "{0}: this number already gets the notices by SMS. Manage the subscription: {1} Reply STOP to unsubscribe.");

    public static SmsTexts For(SubscriberLanguage language) => language == SubscriberLanguage.English ? English : French;

    public string Kind(NoticeMessageKind kind) => kind switch
    {
        NoticeMessageKind.Started => Started,
        NoticeMessageKind.Updated => Updated,
        NoticeMessageKind.Ended => Ended,
        NoticeMessageKind.Withdrawn => Withdrawn,
        _ => Published,
    };
}
