using AlloIndustrie.Grains.Interfaces.Subscriptions.Channels.WebPush;
using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.WebFront.Api;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.WebFront.Residents.Subscriptions.WebPush;

/// <summary><c>GET /api/v1/push/key</c>: the VAPID application server key browsers subscribe with.</summary>
public static class PushKeyApi
{
    /// <summary>The Web Push settings and the origins push endpoints may have (a bad list stops the start).</summary>
    public static IServiceCollection AddAlloWebPush(this IServiceCollection services)
    {
        services.AddOptions<WebPushOptions>().BindConfiguration(WebPushOptions.Section).ValidateSettings(CheckOrigins);
        services.AddSingleton(provider => PushOrigins.Parse(provider.GetRequiredService<IOptions<WebPushOptions>>().Value.PushOrigins));
        services.AddSingleton<PushKey>();
        return services;
    }

    public static IEndpointRouteBuilder MapPushKeyApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/push/key", async (PushKey key, HttpContext context) =>
        {
            // The key never changes once made; a browser may keep it for an hour.
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return TypedResults.Ok(new PushKeyDto(await key.Get()));
        }).RequireRateLimiting(ApiLimits.PublicPolicy).WithTags("Public").WithSummary("La clé publique VAPID (base64url, point P-256 non compressé)");
        return routes;
    }

    private static SettingException? CheckOrigins(WebPushOptions options)
    {
        try
        {
            PushOrigins.Parse(options.PushOrigins);
            return null;
        }
        catch (FormatException)
        {
            return SettingException.Invalid($"{WebPushOptions.Section}:{nameof(WebPushOptions.PushOrigins)}", options.PushOrigins,
                "des origines https://hôte[:port] séparées par des virgules", "https://host[:port] origins, separated by commas");
        }
    }

    /// <summary>The body of <c>GET /api/v1/push/key</c>.</summary>
    public sealed record PushKeyDto(string PublicKey);

    /// <summary>The public key, read once per web front from the grain that keeps it.</summary>
    public sealed class PushKey(IGrainFactory grains)
    {
        private string? value;

        public async Task<string> Get() =>
            value ??= await grains.GetGrain<IVapidKeysGrain>(IVapidKeysGrain.Key).GetPublicKey();
    }
}
