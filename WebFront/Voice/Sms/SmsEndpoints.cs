using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Telephony;

namespace AlloIndustrie.WebFront.Voice.Sms;

/// <summary>
/// Twilio's SMS webhooks, signed like the voice ones (403 otherwise, nothing done): the incoming messages of the
/// deployment's numbers (<c>STOP</c>/<c>ARRET</c> ends every SMS subscription of the sender, anything else gets a
/// short help) and the status callbacks of the messages sent (a failure Twilio says is for good ends the
/// subscription); and the notices' short links that SMS carry.
/// </summary>
public static class SmsEndpoints
{
    public static void MapSms(this IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapGroup("").AddEndpointFilter<TwilioSignatureFilter>().ExcludeFromDescription();
        webhooks.MapPost(TelephonyRoutes.SmsIncoming, Incoming);
        webhooks.MapPost(TelephonyRoutes.SmsStatus, Status);
        endpoints.MapGet(TelephonyRoutes.ShortNotice, ShortLink).ExcludeFromDescription();
    }

    private static async Task<IResult> Incoming(HttpRequest request, IGrainFactory grains, ILoggerFactory loggers)
    {
        var form = await request.ReadFormAsync();
        if (!SmsReplies.IsStop(form["Body"]))
        {
            return Results.Bytes(Twiml.Reply(SmsReplies.Help), Twiml.ContentType);
        }

        // The same answer whether the number had subscriptions or not: a reply says nothing of who is subscribed.
        if (SubscriberPhone.TryParse(form["From"], SubscriptionChannel.Sms, out var number, out _))
        {
            var ended = await grains.GetGrain<ISubscriptionDeskGrain>(0).Stop(SubscriberContact.Phone(SubscriptionChannel.Sms, number), "STOP by SMS");
            loggers.CreateLogger(typeof(SmsEndpoints)).LogInformation("STOP received: {Count} SMS subscriptions ended", ended);
        }

        return Results.Bytes(Twiml.Reply(SmsReplies.Stopped), Twiml.ContentType);
    }

    private static async Task<IResult> Status(HttpRequest request, IGrainFactory grains, ILoggerFactory loggers)
    {
        var form = await request.ReadFormAsync();
        var id = request.Query[TelephonyRoutes.SubscriptionParameter].ToString();
        var status = form["MessageStatus"].ToString();
        int? code = int.TryParse(form["ErrorCode"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        if (status is "failed" or "undelivered" && Identifiers.IsRandomId(id))
        {
            var logger = loggers.CreateLogger(typeof(SmsEndpoints));
            if (TwilioErrors.EndsSubscription(code))
            {
                logger.LogInformation("SMS to subscription {Id} {Status} with error {Code}: subscription ended", id, status, code);
                await grains.GetGrain<ISubscriptionGrain>(id).End($"SMS {status}, Twilio error {code}");
            }
            else
            {
                logger.LogWarning("SMS to subscription {Id} {Status} with error {Code}", id, status, code);
            }
        }

        return Results.NoContent();
    }

    private static async Task<IResult> ShortLink(string code, HttpRequest request, IGrainFactory grains)
    {
        if (!TelephonyRoutes.TryNoticeId(code, out var id) || await grains.GetGrain<INoticeGrain>(id).Get() is not { } notice)
        {
            return Results.NotFound();
        }

        var english = request.Query["lang"] == "en" ? "?lang=en" : "";
        return Results.Redirect($"/{notice.Territory}/notices/{notice.Id}{english}");
    }
}
