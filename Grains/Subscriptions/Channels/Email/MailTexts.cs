using System.Globalization;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.Grains.Subscriptions.Channels.Email;

/// <summary>Every word of the mails, in French and English, in one place.</summary>
public sealed record MailTexts(
    string Drill,
    string Published,
    string Started,
    string Updated,
    string Ended,
    string Withdrawn,
    string Site,
    string Communes,
    string Start,
    string ExpectedEnd,
    string Instructions,
    string LatestUpdate,
    string Reason,
    string SeeNotice,
    string Why,
    string Manage,
    string Unsubscribe,
    string ConfirmSubject,
    string ConfirmIntro,
    string ConfirmButton,
    string ConfirmIgnore,
    string AlreadySubject,
    string AlreadyIntro,
    string CultureName)
{
    public static MailTexts French { get; } = new(
        "EXERCICE",
        "Nouvel avis",
        "L’événement annoncé a commencé",
        "Mise à jour",
        "Fin de l’événement",
        "Avis retiré",
        "Site",
        "Perceptible depuis",
        "Début",
        "Fin prévue",
        "Consignes",
        "Dernière mise à jour",
        "Motif du retrait",
        "Voir l’avis",
        "Vous recevez ce message parce que vous êtes abonné(e) aux avis de {0}.",
        "Gérer mon abonnement",
        "Me désabonner",
        "Confirmez votre abonnement aux avis de {0}",
        "Quelqu’un, sans doute vous, a demandé à recevoir par e-mail les avis des sites industriels de {0}. Pour confirmer, ouvrez ce lien puis appuyez sur le bouton « Confirmer » :",
        "Confirmer mon abonnement",
        "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : sans confirmation, rien ne vous sera envoyé et votre adresse sera effacée sous 24 heures.",
        "Vous êtes déjà abonné(e) aux avis de {0}",
        "Quelqu’un, sans doute vous, a demandé à recevoir les avis de {0} à cette adresse, qui est déjà abonnée. Rien n’a changé. Pour modifier vos choix ou vous désabonner :",
        "fr-FR");

    public static MailTexts English { get; } = new(
        "EXERCISE",
        "New notice",
        "The announced event has started",
        "Update",
        "The event is over",
        "Notice withdrawn",
        "Site",
        "Perceptible from",
        "Start",
        "Expected end",
        "What to do",
        "Latest update",
        "Reason for withdrawal",
        "See the notice",
        "You receive this message because you subscribed to the notices of {0}.",
        "Manage my subscription",
        "Unsubscribe",
        "Confirm your subscription to the notices of {0}",
        "Someone, probably you, asked to receive by e-mail the notices of the industrial sites of {0}. To confirm, open this link and press the “Confirm” button:",
        "Confirm my subscription",
        "If you did not ask for this, ignore this message: without confirmation nothing will be sent to you and your address will be erased within 24 hours.",
        "You are already subscribed to the notices of {0}",
        "Someone, probably you, asked to receive the notices of {0} at this address, which is already subscribed. Nothing has changed. To change your choices or unsubscribe:",
        "en-GB");

    public static MailTexts For(SubscriberLanguage language) => language == SubscriberLanguage.English ? English : French;

    /// <summary>What the message is about, as its subject says first.</summary>
    public string Kind(NoticeMessageKind kind) => kind switch
    {
        NoticeMessageKind.Started => Started,
        NoticeMessageKind.Updated => Updated,
        NoticeMessageKind.Ended => Ended,
        NoticeMessageKind.Withdrawn => Withdrawn,
        _ => Published,
    };

    /// <summary>A time in Europe/Paris, as residents read it: "mardi 1 décembre 2026 à 20 h 39", "Tuesday 1 December 2026, 20:39".</summary>
    public string Time(DateTimeOffset instant)
    {
        var culture = CultureInfo.GetCultureInfo(CultureName);
        var local = ParisTime.Of(instant);
        return CultureName == "fr-FR"
            ? local.ToString("dddd d MMMM yyyy 'à' H 'h' mm", culture)
            : local.ToString("dddd d MMMM yyyy, HH:mm", culture);
    }
}
