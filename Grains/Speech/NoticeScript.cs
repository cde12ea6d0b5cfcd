using System.Text;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Words;

namespace AlloIndustrie.Grains.Speech;

/// <summary>
/// The French text read for a notice, on the phone and in its audio: who, what, when, the message, the
/// latest updates and what to do. A drill says so first and last, so that nobody hangs up alarmed.
/// Times are absolute ("le lundi 23 novembre à 14 heures 30"): the recording is heard for days.
/// </summary>
public static class NoticeScript
{
    /// <summary>Only the latest updates are read: a caller cannot skip through a long timeline.</summary>
    public const int MaxUpdatesRead = 5;

    private const string ExerciseSentence = "Ceci est un exercice.";

    public static string Compose(NoticeSnapshot notice, DateTimeOffset now)
    {
        var current = notice.AsOf(now);
        var text = new StringBuilder();

        if (current.Exercise)
        {
            Append(text, ExerciseSentence);
        }

        Append(text, $"{current.Company}, site {current.SiteName}.");
        var eventType = Vocabulary.French.EventTypes.GetValueOrDefault(current.EventType, Vocabulary.French.EventTypes["other"]);
        Append(text, $"{eventType} : {SpokenFrench.Sentence(current.Title)}");
        Append(text, When(current));
        Append(text, SpokenFrench.Sentence(current.Message));

        var updates = current.Updates.IsDefault ? [] : current.Updates;
        foreach (var update in updates.Skip(Math.Max(0, updates.Length - MaxUpdatesRead)))
        {
            Append(text, $"Mise à jour du {SpokenFrench.DayAndTime(update.At)} : {SpokenFrench.Sentence(update.Message)}");
        }

        if (!string.IsNullOrWhiteSpace(current.Instructions))
        {
            Append(text, $"Consignes : {SpokenFrench.Sentence(current.Instructions)}");
        }

        if (!current.Nuisances.IsDefaultOrEmpty)
        {
            var nuisances = current.Nuisances.Select(n => Vocabulary.French.Nuisance(n).ToLowerInvariant());
            Append(text, $"Gênes possibles : {string.Join(", ", nuisances)}.");
        }

        if (current.Exercise)
        {
            Append(text, ExerciseSentence);
        }

        return text.ToString();
    }

    private static string When(NoticeSnapshot notice)
    {
        var expectedEnd = notice.ExpectedEndAt switch
        {
            null => "",
            var end when ParisTime.SameDay(end.Value, notice.StartsAt) => $" Fin prévue à {SpokenFrench.Time(end.Value)}.",
            var end => $" Fin prévue le {SpokenFrench.DayAndTime(end.Value)}.",
        };

        return notice.Status switch
        {
            NoticeStatus.Scheduled => $"Prévu à partir du {SpokenFrench.DayAndTime(notice.StartsAt)}.{expectedEnd}",
            NoticeStatus.Active => $"En cours depuis le {SpokenFrench.DayAndTime(notice.StartsAt)}.{expectedEnd}",
            NoticeStatus.Ended => $"Terminé le {SpokenFrench.DayAndTime(notice.EndedAt ?? notice.UpdatedAt)}.",
            NoticeStatus.Expired => "Cet événement est terminé.",
            NoticeStatus.Withdrawn => "Cet avis a été retiré.",
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice.Status, null),
        };
    }

    private static void Append(StringBuilder text, string sentence)
    {
        if (text.Length > 0)
        {
            text.Append('\n');
        }

        text.Append(sentence);
    }
}
