using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Webhooks;

/// <summary>A webhook as the territory's administrators see it: never its secret.</summary>
/// <param name="FailingSince">The first failure since the last success; past <see cref="WebhookRules.FailureWindow"/> the webhook is disabled.</param>
/// <param name="Deliveries">The last attempts, newest first.</param>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.WebhookView")]
public sealed record WebhookView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Territory,
    [property: Id(2)] string Url,
    [property: Id(3)] string Description,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string CreatedBy,
    [property: Id(6)] bool Enabled,
    [property: Id(7)] DateTimeOffset? DisabledAt,
    [property: Id(8)] DateTimeOffset? FailingSince,
    [property: Id(9)] int PendingCount,
    [property: Id(10)] DateTimeOffset SecretCreatedAt,
    [property: Id(11)] ImmutableArray<WebhookDelivery> Deliveries);
