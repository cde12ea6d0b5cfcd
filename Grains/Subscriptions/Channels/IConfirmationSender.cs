using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.Grains.Subscriptions.Channels;

/// <summary>
/// Sends the confirmation of a channel with double opt-in (e-mail, SMS, voice); Web Push needs none, the
/// browser's permission being the consent. Registered as a singleton per channel, beside its <see cref="IChannelSender"/>.
/// </summary>
public interface IConfirmationSender
{
    /// <summary>The channel this sender serves.</summary>
    SubscriptionChannel Channel { get; }

    /// <summary>Sends the confirmation link or code.</summary>
    Task<SendOutcome> SendConfirmationAsync(SubscriberContact contact, SubscriptionConfirmation confirmation, CancellationToken cancellationToken);
}
