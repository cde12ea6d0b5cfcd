using System.Globalization;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.WebFront.Hosting;

namespace AlloIndustrie.WebFront.Voice;

/// <summary>
/// Twilio's webhooks. They only route: the call grain decides what the caller hears, from what it holds
/// in memory and the notices as they stand, so an answer never waits on synthesis.
/// </summary>
internal static class VoiceEndpoints
{
    private const string UnknownNumber =
        "Ce numéro n’est relié à aucun territoire AlloIndustrie. Merci de votre appel. Au revoir.";

    public static void MapVoiceWebhooks(this IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapGroup("").AddEndpointFilter<TwilioSignatureFilter>().ExcludeFromDescription();
        webhooks.MapPost(VoiceRoutes.Incoming, Incoming);
        webhooks.MapPost(VoiceRoutes.Menu, Menu);
        webhooks.MapPost(VoiceRoutes.Status, Status);
    }

    private static async Task<IResult> Incoming(HttpRequest request, IGrainFactory grains, PhoneNumberTerritories numbers, PublicBaseUrl baseUrl, ILoggerFactory loggers)
    {
        var form = await request.ReadFormAsync();
        var callSid = form["CallSid"].ToString();
        if (!Identifiers.IsCallSid(callSid))
        {
            return Results.BadRequest();
        }

        var territory = await numbers.Find(form["To"]);
        if (territory is null)
        {
            loggers.CreateLogger(typeof(VoiceEndpoints)).LogWarning(
                "Call {CallSid} to {To}: this number belongs to no territory", callSid, form["To"].ToString());
            return TwimlResult(Twiml.SayAndHangUp(UnknownNumber));
        }

        var publicBase = baseUrl.For(request);
        var response = await grains.GetGrain<IPhoneCallGrain>(callSid).Answer(territory, form["From"], new Uri(publicBase + "/"));
        return TwimlResult(Twiml.Write(response, publicBase));
    }

    private static async Task<IResult> Menu(HttpRequest request, IGrainFactory grains, PhoneNumberTerritories numbers, PublicBaseUrl baseUrl)
    {
        var form = await request.ReadFormAsync();
        var callSid = form["CallSid"].ToString();
        if (!Identifiers.IsCallSid(callSid))
        {
            return Results.BadRequest();
        }

        var territory = await numbers.Find(form["To"]);
        if (territory is null)
        {
            return TwimlResult(Twiml.SayAndHangUp(UnknownNumber));
        }

        // A missing or malformed step matches no step handed out: the call repeats its last answer.
        var step = int.TryParse(request.Query["step"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        var digits = form.TryGetValue("Digits", out var value) ? value.ToString() : null;
        var response = await grains.GetGrain<IPhoneCallGrain>(callSid).Choose(territory, step, digits);
        return TwimlResult(Twiml.Write(response, baseUrl.For(request)));
    }

    private static async Task<IResult> Status(HttpRequest request, IGrainFactory grains)
    {
        var form = await request.ReadFormAsync();
        var callSid = form["CallSid"].ToString();
        if (!Identifiers.IsCallSid(callSid))
        {
            return Results.BadRequest();
        }

        TimeSpan? duration = int.TryParse(form["CallDuration"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
        await grains.GetGrain<IPhoneCallGrain>(callSid).StatusChanged(form["CallStatus"].ToString(), duration);
        return Results.NoContent();
    }

    private static IResult TwimlResult(byte[] twiml) => Results.Bytes(twiml, Twiml.ContentType);
}
