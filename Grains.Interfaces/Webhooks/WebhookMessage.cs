namespace AlloIndustrie.Grains.Interfaces.Webhooks;

/// <summary>
/// One Standard Webhooks message: its id (<c>{noticeId}-v{version}</c>, the same on every retry), its type
/// (<c>notice.published</c>…), the notice it is about (a newer version replaces an undelivered older one), when it
/// was made, and the exact body that is signed and sent.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.WebhookMessage")]
public sealed record WebhookMessage(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] string? NoticeId,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string Body);
