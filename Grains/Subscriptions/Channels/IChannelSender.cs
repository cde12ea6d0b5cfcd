using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.Grains.Subscriptions.Channels;

/// <summary>
/// The silo's way out to one channel's provider (SMTP relay, push services, Twilio). One singleton per channel is
/// registered in the silo's services; the delivery engine calls it with at most the channel's configured
/// concurrency and rate, and acts on the outcome: <see cref="SendOutcome.RetryLater"/> slows the channel down and
/// keeps the message, <see cref="SendOutcome.Ended"/> ends the subscription.
/// </summary>
/// <remarks>
/// A sender must not throw for a provider's failure: it maps it to an outcome. An exception is taken as
/// <see cref="SendOutcome.RetryLater"/>. The same message may be handed over twice after a crash (the in-flight
/// window), so a sender passes the message's stable ids (e-mail <c>Message-ID</c>, push <c>Topic</c>) along.
/// </remarks>
public interface IChannelSender
{
    /// <summary>The channel this sender serves.</summary>
    SubscriptionChannel Channel { get; }

    /// <summary>Hands one notice message to the provider.</summary>
    Task<SendOutcome> SendAsync(SubscriberContact contact, SubscriberMessage message, CancellationToken cancellationToken);
}
