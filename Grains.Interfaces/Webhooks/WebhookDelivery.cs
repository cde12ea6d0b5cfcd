namespace AlloIndustrie.Grains.Interfaces.Webhooks;

/// <summary>
/// One attempt to deliver a message: when, the HTTP status answered (null: no answer, or refused before sending,
/// as <see cref="Error"/> says), how long it took, and when the next try is due if it failed.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.WebhookDelivery")]
public sealed record WebhookDelivery(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string MessageId,
    [property: Id(2)] string Type,
    [property: Id(3)] int Attempt,
    [property: Id(4)] int? Status,
    [property: Id(5)] TimeSpan Duration,
    [property: Id(6)] string? Error,
    [property: Id(7)] DateTimeOffset? NextRetryAt)
{
    public bool Succeeded => Status is >= 200 and < 300;
}
