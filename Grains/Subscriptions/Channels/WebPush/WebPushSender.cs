using System.Net;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace AlloIndustrie.Grains.Subscriptions.Channels.WebPush;

/// <summary>
/// The Web Push channel: one encrypted message per subscriber to its browser's push service. The notice id is the
/// message's <c>Topic</c>, so a push service still holding an older version for an offline browser replaces it;
/// the message lives until the notice expires; an event in progress that is not a drill is sent with high urgency.
/// </summary>
public sealed class WebPushSender(WebPushClient client, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : IChannelSender
{
    /// <summary>The wait after a failure without <c>Retry-After</c>, before the engine's own back-off takes over.</summary>
    public static readonly TimeSpan DefaultRetry = TimeSpan.FromSeconds(30);

    public SubscriptionChannel Channel => SubscriptionChannel.WebPush;

    public async Task<SendOutcome> SendAsync(SubscriberContact contact, SubscriberMessage message, CancellationToken cancellationToken)
    {
        if (contact is not { Channel: SubscriptionChannel.WebPush, Push: { } keys } || !Uri.TryCreate(contact.Address, UriKind.Absolute, out var endpoint))
        {
            return SendOutcome.Ended("not a Web Push subscription");
        }

        var notice = message.Notice;
        var response = await client.Send(
            new PushRequest(
                endpoint,
                keys.P256dh,
                keys.Auth,
                WebPushPayload.For(message),
                notice.ExpiresAt - clock.GetUtcNow(),

                // 32 lower-case hexadecimal digits: within the Topic header's 32 characters of the base64url alphabet.
                notice.Id,
                notice.Status == NoticeStatus.Active && !message.Exercise),
            cancellationToken);

        return response switch
        {
            { Accepted: true } => SendOutcome.Sent,
            { Gone: true } => SendOutcome.Ended($"push service answered {(int)response.Status!}"),

            // RFC 8292: the subscription is bound to another application server key; it can never take ours.
            { Status: HttpStatusCode.Forbidden } => SendOutcome.Ended("push service answered 403"),
            { Status: null } => SendOutcome.RetryLater(null, response.Error),

            // 429 and 5xx, and refusals of the request itself (400, 401): a subscriber is never ended for what
            // may be the service's own fault; the engine's back-off bounds the retries.
            { Status: { } status } => SendOutcome.RetryLater(response.RetryAfter ?? DefaultRetry, $"push service answered {(int)status}"),
        };
    }
}
