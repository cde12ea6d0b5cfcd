using System.Text.Json;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.Grains.Subscriptions.Channels.WebPush;

/// <summary>
/// The contract's push payload, <c>{ title, body, url, noticeId, version, status, exercise }</c>, written in the
/// subscriber's language: what the service worker shows as the notification, "EXERCICE" first for a drill.
/// </summary>
public static class WebPushPayload
{
    /// <summary>A notification's body is a few lines on a phone; the page has the rest.</summary>
    public const int MaxBodyLength = 240;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static byte[] For(SubscriberMessage message)
    {
        var notice = message.Notice;
        var english = message.Language == SubscriberLanguage.English;
        var state = message.Kind switch
        {
            NoticeMessageKind.Updated => english ? "Update: " : "Mise à jour : ",
            NoticeMessageKind.Ended => english ? "Over: " : "Terminé : ",
            NoticeMessageKind.Withdrawn => english ? "Withdrawn: " : "Retiré : ",
            _ when notice.Status == NoticeStatus.Scheduled => english ? "Planned: " : "Prévu : ",
            _ => "",
        };
        var drill = message.Exercise ? (english ? "EXERCISE – " : "EXERCICE – ") : "";
        var body = message.Kind switch
        {
            NoticeMessageKind.Withdrawn => notice.WithdrawnReason ?? (english ? "This notice was withdrawn." : "Cette information a été retirée."),
            NoticeMessageKind.Updated or NoticeMessageKind.Ended when notice.Updates.Length > 0 => notice.Updates[^1].Message,
            _ => notice.Message,
        };

        return JsonSerializer.SerializeToUtf8Bytes(
            new Payload(
                drill + state + notice.Title,
                Cut(body),
                message.NoticeUrl.ToString(),
                notice.Id,
                message.Version,
                notice.Status.ToString().ToLowerInvariant(),
                message.Exercise),
            Json);
    }

    /// <summary>The text, or its beginning cut between words with an ellipsis.</summary>
    private static string Cut(string text)
    {
        if (text.Length <= MaxBodyLength)
        {
            return text;
        }

        var space = text.LastIndexOf(' ', MaxBodyLength - 1);
        return text[..(space > MaxBodyLength / 2 ? space : MaxBodyLength - 1)].TrimEnd() + "…";
    }

    private sealed record Payload(string Title, string Body, string Url, string NoticeId, int Version, string Status, bool Exercise);
}
