using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.WebFront.Residents;
using Microsoft.Net.Http.Headers;

namespace AlloIndustrie.WebFront.Voice;

/// <summary>
/// Serves the recording of one version of a notice: MP3 for the web, 8 kHz µ-law WAV for the phone line. A version's recording never changes, so caches may
/// keep it as immutable, but only until the notice expires: after that it is heard nowhere.
/// </summary>
internal static class AudioEndpoints
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(365);

    public static void MapNoticeAudio(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(VoiceRoutes.Audio, [HttpMethods.Get, HttpMethods.Head],
            (string id, int version, HttpResponse response, IGrainFactory grains, TimeProvider time) => Get(id, version, telephone: false, response, grains, time))
            .ExcludeFromDescription();
        endpoints.MapMethods(VoiceRoutes.TelephoneAudio, [HttpMethods.Get, HttpMethods.Head],
            (string id, int version, HttpResponse response, IGrainFactory grains, TimeProvider time) => Get(id, version, telephone: true, response, grains, time))
            .ExcludeFromDescription();
    }

    private static async Task<IResult> Get(string id, int version, bool telephone, HttpResponse response, IGrainFactory grains, TimeProvider time)
    {
        if (!Identifiers.IsNoticeId(id))
        {
            return Results.NotFound();
        }

        var now = time.GetUtcNow();
        var notice = await grains.GetGrain<INoticeGrain>(id).Get();
        if (notice is null || !notice.IsPublicAt(now) || version < 1 || version > notice.Version)
        {
            return Results.NotFound();
        }

        var clip = await grains.GetGrain<INoticeAudioClipGrain>(NoticeAudioUrl.ClipKey(id, version)).Get();
        if (clip is null)
        {
            return Results.NotFound();
        }

        var maxAge = notice.ExpiresAt - now < MaxAge ? notice.ExpiresAt - now : MaxAge;
        response.Headers.CacheControl = $"public, max-age={(long)maxAge.TotalSeconds}, immutable";

        // A recording made before the phone had its own rendition is played as its MP3, which Twilio also takes.
        var (bytes, type, etag) = telephone && clip is { TelephoneWav: { } wav, TelephoneETag: { } wavTag }
            ? (wav, "audio/wav", wavTag)
            : (clip.Mp3, "audio/mpeg", clip.ETag);
        return Results.File(bytes, type, lastModified: clip.CreatedAt,
            entityTag: EntityTagHeaderValue.Parse(etag), enableRangeProcessing: true);
    }
}
