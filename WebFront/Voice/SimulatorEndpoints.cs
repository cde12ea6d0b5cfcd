using System.Globalization;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Dashboard.Authorization;

namespace AlloIndustrie.WebFront.Voice;

/// <summary>
/// The phone simulator: the browser plays the TwiML, and this server side stands in for Twilio, posting
/// signed webhooks to this very node over HTTP. What the simulator plays is therefore exactly what the
/// webhooks answer a caller. It only ever posts to the phone line's own routes, only for signed-in
/// operators and administrators, only to the numbers of their own territories, and at most
/// <see cref="SimulatorLimits.PerAccountPerMinute"/> times a minute per account.
/// </summary>
internal static class SimulatorEndpoints
{
    public const string HttpClientName = "AlloVoiceSimulator";
    private const string SimulatedCaller = "client:simulateur";

    public static void MapPhoneSimulator(this IEndpointRouteBuilder endpoints)
    {
        var simulator = endpoints.MapGroup(VoiceRoutes.Simulator).ExcludeFromDescription()
            .RequireAuthorization(PhoneSimulatorRequirement.Policy)
            .AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (SimulatorException ex)
            {
                return Results.Problem(title: ex.Message, statusCode: ex.StatusCode);
            }
        });
        simulator.MapGet("/territories", Territories);
        simulator.MapPost("/calls", Dial);
        simulator.MapPost("/calls/{callSid}/menu", Press);
        simulator.MapPost("/calls/{callSid}/hangup", HangUp);
    }

    private static async Task<IResult> Territories(IGrainFactory grains, CurrentAccount current, HttpContext context)
    {
        var account = await current.Get(context.User);
        var territories = await grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).List();
        return Results.Ok(territories
            .Where(t => !t.PhoneNumbers.IsDefaultOrEmpty)
            .Where(t => account is not null && PerimeterRules.Allows(account, PerimeterAction.SimulateCall, new PerimeterTarget(t.Slug)))
            .Select(t => new SimulatorTerritory(t.Slug, t.Name, t.PhoneNumbers[0])));
    }

    /// <summary>
    /// Refuses a number outside the account's territories (403, audited) and an account over its limit (429);
    /// null when the simulator may post.
    /// </summary>
    private static async Task<IResult?> Refusal(string? to, HttpContext context)
    {
        var services = context.RequestServices;
        var account = await services.GetRequiredService<CurrentAccount>().Get(context.User);
        var territory = await services.GetRequiredService<PhoneNumberTerritories>().Find(to);
        if (account is null || territory is null
            || !PerimeterRules.Allows(account, PerimeterAction.SimulateCall, new PerimeterTarget(territory)))
        {
            if (territory is not null)
            {
                await services.GetRequiredService<AuditTrail>().Refused(context, territory, "simulateur.appel", to ?? "", "territoire hors du périmètre");
            }

            return Results.Problem(title: "Ce numéro n’est pas celui d’un de vos territoires.", statusCode: StatusCodes.Status403Forbidden);
        }

        if (!services.GetRequiredService<SimulatorLimits>().TryPost(account.NormalizedEmail))
        {
            context.Response.Headers.RetryAfter = "60";
            return Results.Problem(title: "Trop d’appels simulés : réessayez dans une minute.", statusCode: StatusCodes.Status429TooManyRequests);
        }

        return null;
    }

    private static async Task<IResult> Dial(SimulatorDial dial, HttpContext context, SimulatorWebhooks webhooks)
    {
        if (await Refusal(dial.To, context) is { } refused)
        {
            return refused;
        }

        var callSid = IPhoneCallGrain.SimulatedPrefix + Identifiers.NewRandomId();
        var twiml = await webhooks.Post(VoiceRoutes.Incoming, Parameters(callSid, dial.To, "ringing"), context.RequestAborted);
        return Results.Ok(new SimulatorAnswer(callSid, twiml));
    }

    private static async Task<IResult> Press(string callSid, SimulatorPress press, HttpContext context, SimulatorWebhooks webhooks)
    {
        if (await Refusal(press.To, context) is { } refused)
        {
            return refused;
        }

        // The browser hands back the TwiML's action URL; only its step is kept, never its host or path.
        var query = Uri.TryCreate(press.Action, UriKind.Absolute, out var action) ? action.Query : "";
        var parameters = Parameters(callSid, press.To, "in-progress");
        if (press.Digits is not null)
        {
            parameters["Digits"] = press.Digits;
        }

        var twiml = await webhooks.Post(VoiceRoutes.Menu + query, parameters, context.RequestAborted);
        return Results.Ok(new SimulatorAnswer(callSid, twiml));
    }

    private static async Task<IResult> HangUp(string callSid, SimulatorHangUp hangUp, HttpContext context, SimulatorWebhooks webhooks)
    {
        if (await Refusal(hangUp.To, context) is { } refused)
        {
            return refused;
        }

        var parameters = Parameters(callSid, hangUp.To, "completed");
        parameters["CallDuration"] = Math.Max(0, hangUp.Seconds).ToString(CultureInfo.InvariantCulture);
        await webhooks.Post(VoiceRoutes.Status, parameters, context.RequestAborted);
        return Results.NoContent();
    }

    /// <summary>The parameters Twilio sends with every voice webhook, as far as this service reads them.</summary>
    private static Dictionary<string, string> Parameters(string callSid, string to, string status) => new()
    {
        ["AccountSid"] = "ACsimulateur",
        ["ApiVersion"] = "2010-04-01",
        ["CallSid"] = callSid,
        ["CallStatus"] = status,
        ["Direction"] = "inbound",
        ["From"] = SimulatedCaller,
        ["Caller"] = SimulatedCaller,
        ["To"] = to,
        ["Called"] = to,
    };
}

internal sealed record SimulatorTerritory(string Slug, string Name, string PhoneNumber);

internal sealed record SimulatorDial(string To);

internal sealed record SimulatorPress(string To, string Action, string? Digits);

internal sealed record SimulatorHangUp(string To, int Seconds);

internal sealed record SimulatorAnswer(string CallSid, string Twiml);
