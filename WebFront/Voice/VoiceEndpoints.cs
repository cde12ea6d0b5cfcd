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
        webhooks.MapPost(VoiceRoutes.CallOutAnswer, CallOutAnswer);
        webhooks.MapPost(VoiceRoutes.CallOutMenu, CallOutMenu);
        webhooks.MapPost(VoiceRoutes.CallOutStatus, CallOutStatus);
    }

    private static async Task<IResult> Incoming(HttpRequest request, IGrainFactory grains, PhoneNumberTerritories numbers, PublicBaseUrl baseUrl, ILoggerFactory loggers)
    {
        if (await Call(request) is not (var form, var callSid))
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
        if (await Call(request) is not (var form, var callSid))
        {
            return Results.BadRequest();
        }

        var territory = await numbers.Find(form["To"]);
        if (territory is null)
        {
            return TwimlResult(Twiml.SayAndHangUp(UnknownNumber));
        }

        var response = await grains.GetGrain<IPhoneCallGrain>(callSid).Choose(territory, Step(request), Digits(form));
        return TwimlResult(Twiml.Write(response, baseUrl.For(request)));
    }

    private static async Task<IResult> Status(HttpRequest request, IGrainFactory grains)
    {
        if (await Call(request) is not (var form, var callSid))
        {
            return Results.BadRequest();
        }

        await grains.GetGrain<IPhoneCallGrain>(callSid).StatusChanged(form["CallStatus"].ToString(), Duration(form));
        return Results.NoContent();
    }

    /// <summary>
    /// A call the service placed was answered. Twilio's answering machine detection says who answered
    /// (<c>AnsweredBy</c>: <c>human</c>, <c>machine_end_beep</c>…); anything but a person hears the message once.
    /// </summary>
    private static async Task<IResult> CallOutAnswer(HttpRequest request, IGrainFactory grains, PublicBaseUrl baseUrl)
    {
        if (await Call(request) is not (var form, var callSid) || CallOutOf(request) is not { } callOut)
        {
            return Results.BadRequest();
        }

        var answeredBy = form["AnsweredBy"].ToString();
        var machine = answeredBy.StartsWith("machine", StringComparison.Ordinal) || answeredBy == "fax";
        var response = await grains.GetGrain<IPhoneCallGrain>(callSid).AnswerCallOut(callOut, machine);
        return TwimlResult(Twiml.Write(response, baseUrl.For(request), VoiceRoutes.CallOutMenu + callOut.Query));
    }

    private static async Task<IResult> CallOutMenu(HttpRequest request, IGrainFactory grains, PublicBaseUrl baseUrl)
    {
        if (await Call(request) is not (var form, var callSid) || CallOutOf(request) is not { } callOut)
        {
            return Results.BadRequest();
        }

        var response = await grains.GetGrain<IPhoneCallGrain>(callSid).ChooseCallOut(callOut, Step(request), Digits(form));
        return TwimlResult(Twiml.Write(response, baseUrl.For(request), VoiceRoutes.CallOutMenu + callOut.Query));
    }

    /// <summary>The call-out's status callback: the call grain ends, and its call-out grain decides whether to call again.</summary>
    private static async Task<IResult> CallOutStatus(HttpRequest request, IGrainFactory grains)
    {
        if (await Call(request) is not (var form, var callSid) || CallOutOf(request) is not { } callOut)
        {
            return Results.BadRequest();
        }

        var duration = Duration(form);
        var status = form["CallStatus"].ToString();
        await grains.GetGrain<IPhoneCallGrain>(callSid).StatusChanged(status, duration);
        await grains.GetGrain<ICallOutGrain>(callOut.Key).StatusChanged(callSid, status, duration);
        return Results.NoContent();
    }

    /// <summary>The webhook's form and the call it is about; null when Twilio's call id is missing or malformed.</summary>
    private static async Task<(IFormCollection Form, string CallSid)?> Call(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var callSid = form["CallSid"].ToString();
        return Identifiers.IsCallSid(callSid) ? (form, callSid) : null;
    }

    /// <summary>The menu step the caller answers; a missing or malformed one matches no step handed out, so the call repeats its last answer.</summary>
    private static int Step(HttpRequest request) =>
        int.TryParse(request.Query["step"], NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? step : -1;

    private static string? Digits(IFormCollection form) => form.TryGetValue("Digits", out var value) ? value.ToString() : null;

    private static CallOut? CallOutOf(HttpRequest request) =>
        CallOut.TryParse(request.Query["t"], request.Query["n"], request.Query["v"], out var callOut) ? callOut : null;

    private static TimeSpan? Duration(IFormCollection form) =>
        int.TryParse(form["CallDuration"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;

    private static IResult TwimlResult(byte[] twiml) => Results.Bytes(twiml, Twiml.ContentType);
}
