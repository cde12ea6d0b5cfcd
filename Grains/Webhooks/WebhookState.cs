using AlloIndustrie.Grains.Interfaces.Webhooks;

namespace AlloIndustrie.Grains.Webhooks;

[GenerateSerializer, Alias("AlloIndustrie.WebhookState")]
public sealed class WebhookState
{
    [Id(0)] public string Territory { get; set; } = "";
    [Id(1)] public string Url { get; set; } = "";
    [Id(2)] public string Description { get; set; } = "";
    [Id(3)] public string CreatedBy { get; set; } = "";
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public string Secret { get; set; } = "";
    [Id(6)] public DateTimeOffset SecretCreatedAt { get; set; }
    [Id(7)] public string? PreviousSecret { get; set; }
    [Id(8)] public DateTimeOffset? PreviousSecretUntil { get; set; }
    [Id(9)] public bool Enabled { get; set; }
    [Id(10)] public DateTimeOffset? DisabledAt { get; set; }
    [Id(11)] public DateTimeOffset? FailingSince { get; set; }

    /// <summary>Messages still to deliver, oldest first; the first one is tried, the others wait behind it, in order.</summary>
    [Id(12)] public List<PendingWebhookMessage> Pending { get; set; } = [];

    /// <summary>The last attempts, newest first.</summary>
    [Id(13)] public List<WebhookDelivery> Deliveries { get; set; } = [];

    /// <summary>Ids of the messages taken lately, so that one handed over twice is delivered once.</summary>
    [Id(14)] public List<string> RecentMessageIds { get; set; } = [];
}

[GenerateSerializer, Alias("AlloIndustrie.PendingWebhookMessage")]
public sealed class PendingWebhookMessage
{
    [Id(0)] public required WebhookMessage Message { get; set; }
    [Id(1)] public int Attempts { get; set; }
    [Id(2)] public DateTimeOffset NextAttemptAt { get; set; }
}
