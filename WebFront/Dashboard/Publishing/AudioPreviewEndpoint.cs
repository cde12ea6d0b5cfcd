using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.WebFront.Dashboard.Authorization;

namespace AlloIndustrie.WebFront.Dashboard.Publishing;

/// <summary>
/// Serves a draft's recording to whoever may publish for its site, as the publish form does; nobody else,
/// and no cache, may keep what was never published.
/// </summary>
internal static class AudioPreviewEndpoint
{
    private const string Route =
        DashboardExtensions.Root + "/sites/{territory:canonical(territory)}/{site:canonical(site)}/apercu-audio/{id}.mp3";

    public static string Url(string territory, string site, string id) => $"{DashboardExtensions.Root}/sites/{territory}/{site}/apercu-audio/{id}.mp3";

    public static void MapAudioPreview(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods(Route, [HttpMethods.Get, HttpMethods.Head], Get).RequireAuthorization().ExcludeFromDescription();

    private static async Task<IResult> Get(string territory, string site, string id, HttpContext context, DashboardGate gate, IGrainFactory grains)
    {
        // A media request gets a plain 403, not the refusal page the forms redirect to.
        if (!await gate.Check(context, PerimeterAction.OperateSite, "notice.apercu-audio", territory, site))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!Identifiers.IsRandomId(id)
            || await grains.GetGrain<IAudioPreviewGrain>(AudioPreviewKey.Of(territory, site, id)).GetMp3() is not { } mp3)
        {
            return Results.NotFound();
        }

        // Identity's cookie handler, renewing the session, may replace this with its own "no-cache, no-store".
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(mp3, "audio/mpeg", enableRangeProcessing: true);
    }
}
