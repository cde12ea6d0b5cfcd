using System.Globalization;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Telephony;
using AlloIndustrie.Grains.Telephony;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Subscriptions.Channels.Sms;

/// <summary>
/// The SMS channel: one message per notice version through Twilio's Messages resource, from the territory's
/// Messaging Service or sender, with a status callback naming the subscription (a delivery that fails for good
/// ends it). Twilio's answer decides: sent, wait (unreachable, 429, 5xx, the account's own problems), end the
/// subscription (21610 STOP, 21211 invalid, 21614 not a mobile…) or fail this one message.
/// </summary>
public sealed class SmsSender(IGrainFactory grains, TwilioClient twilio, TelephonePace pace, TimeProvider clock, IOptions<TwilioRestOptions> options) : IChannelSender, IConfirmationSender
{
    public SubscriptionChannel Channel => SubscriptionChannel.Sms;

    public Task<SendOutcome> SendAsync(SubscriberContact contact, SubscriberMessage message, CancellationToken cancellationToken) =>
        Send(contact, message.Notice.Territory, NoticeSms.Notice(message), StatusCallback(message.NoticeUrl, message.SubscriptionId), cancellationToken);

    public Task<SendOutcome> SendConfirmationAsync(SubscriberContact contact, SubscriptionConfirmation confirmation, CancellationToken cancellationToken) =>
        Send(contact, confirmation.Territory, NoticeSms.Confirmation(confirmation), StatusCallback(confirmation.BaseUrl ?? new Uri("http://localhost/"), confirmation.SubscriptionId), cancellationToken);

    /// <summary>The status callback of a message to one subscription.</summary>
    public static Uri StatusCallback(Uri publicAddress, string subscriptionId) =>
        new(publicAddress, string.Create(CultureInfo.InvariantCulture, $"{TelephonyRoutes.SmsStatus}?{TelephonyRoutes.SubscriptionParameter}={subscriptionId}"));

    private async Task<SendOutcome> Send(SubscriberContact contact, string territory, string body, Uri statusCallback, CancellationToken cancellationToken)
    {
        if (contact.Channel != SubscriptionChannel.Sms || !SubscriberPhone.TryParse(contact.Address, SubscriptionChannel.Sms, out var number, out _))
        {
            return SendOutcome.Ended("not an SMS number");
        }

        if (options.Value.SmsSender(territory) is not { } sender)
        {
            return SendOutcome.RetryLater(reason: "no SMS sender is configured (Allo:Twilio:MessagingServiceSid or SmsFrom)");
        }

        await pace.Wait(territory, SubscriptionChannel.Sms, cancellationToken);
        var answer = await twilio.SendMessage(sender, number, body, statusCallback, cancellationToken);
        if (answer.Accepted)
        {
            await grains.GetGrain<ITelephoneUsageGrain>(TelephoneUsage.Key(territory, clock.GetUtcNow())).AddSms(SmsSegments.Measure(body).Segments);
        }

        return answer.Outcome();
    }
}
