namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// A notice's deliveries on one channel, over all its versions: messages still to send, sent (accepted by the
/// provider), failed (given up after the retry window) and ended (the address no longer exists).
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.ChannelCounts")]
public sealed record ChannelCounts(
    [property: Id(0)] SubscriptionChannel Channel,
    [property: Id(1)] int ToSend,
    [property: Id(2)] int Sent,
    [property: Id(3)] int Failed,
    [property: Id(4)] int Ended)
{
    /// <summary>Both counts added.</summary>
    public ChannelCounts Plus(ChannelCounts other) =>
        new(Channel, ToSend + other.ToSend, Sent + other.Sent, Failed + other.Failed, Ended + other.Ended);
}
