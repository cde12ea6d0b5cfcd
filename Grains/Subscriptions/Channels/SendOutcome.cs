namespace AlloIndustrie.Grains.Subscriptions.Channels;

/// <summary>What became of one message handed to a channel.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.SendOutcome")]
public sealed record SendOutcome(
    [property: Id(0)] SendResult Result,
    [property: Id(1)] TimeSpan? After = null,
    [property: Id(2)] string? Reason = null)
{
    /// <summary>The provider accepted the message.</summary>
    public static SendOutcome Sent { get; } = new(SendResult.Sent);

    /// <summary>
    /// A passing failure (connection refused, 429, 5xx, SMTP 4xx): the delivery keeps the message and slows the
    /// channel down, waiting <paramref name="after"/> (a provider's <c>Retry-After</c>) or its own back-off.
    /// </summary>
    public static SendOutcome RetryLater(TimeSpan? after = null, string? reason = null) => new(SendResult.RetryLater, after, reason);

    /// <summary>
    /// A permanent failure (410 from a push service, a hard SMTP bounce at submission, an unsubscribed number):
    /// the subscription is ended and its contact deleted.
    /// </summary>
    public static SendOutcome Ended(string reason) => new(SendResult.Ended, null, reason);

    /// <summary>
    /// This message was refused for a reason that sending it again would not change (a text the provider cannot
    /// take): it counts as failed at once, the channel goes on and the subscription stays.
    /// </summary>
    public static SendOutcome Failed(string reason) => new(SendResult.Failed, null, reason);
}

/// <summary>The ways a send can end.</summary>
[GenerateSerializer, Alias("AlloIndustrie.SendResult")]
public enum SendResult
{
    Sent = 0,
    RetryLater = 1,
    Ended = 2,
    Failed = 3,
}
