using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Voice;

namespace AlloIndustrie.Grains.Subscriptions.Channels.Voice;

/// <summary>
/// The voice channel: each message is a call placed by the subscriber's call-out grain for that notice version,
/// which Twilio then plays through the phone line's own call grain (<c>/voice/callout</c>).
/// </summary>
public sealed class VoiceCallSender(IGrainFactory grains, SubscriptionSecrets secrets) : IChannelSender
{
    public SubscriptionChannel Channel => SubscriptionChannel.Voice;

    public async Task<SendOutcome> SendAsync(SubscriberContact contact, SubscriberMessage message, CancellationToken cancellationToken)
    {
        var callOut = new CallOut(await secrets.Token(message.SubscriptionId, TokenPurpose.Manage), message.Notice.Id, message.Version);
        return await grains.GetGrain<ICallOutPlacement>(callOut.Key).Place(
            new CallOutOrder(callOut, message.Notice.Territory, secrets.Protect(contact), new Uri(message.NoticeUrl, "/")));
    }
}
