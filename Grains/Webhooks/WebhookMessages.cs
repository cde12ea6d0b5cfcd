using System.Text.Json;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Webhooks;

namespace AlloIndustrie.Grains.Webhooks;

/// <summary>The contract's webhook messages: <c>{ type, timestamp, data }</c>, <c>data</c> being the notice's JSON as the API gives it.</summary>
public static class WebhookMessages
{
    /// <summary>What "envoyer un essai" sends: not a notice, so that no receiver takes it for one.</summary>
    public const string TestType = "webhook.test";

    public static string TypeOf(NoticeMessageKind kind) => kind switch
    {
        NoticeMessageKind.Published => "notice.published",
        NoticeMessageKind.Ended => "notice.ended",
        NoticeMessageKind.Withdrawn => "notice.withdrawn",
        _ => "notice.updated",
    };

    /// <summary>The message of one notice version; its id, <c>{noticeId}-v{version}</c>, is the same on every retry.</summary>
    public static WebhookMessage For(NoticeSnapshot notice, NoticeMessageKind kind, DateTimeOffset now)
    {
        var type = TypeOf(kind);
        return new WebhookMessage(
            $"{notice.Id}-v{notice.Version}",
            type,
            notice.Id,
            now,
            JsonSerializer.Serialize(new { type, timestamp = now, data = notice }, ContractJson.Options));
    }
}
