using AlloIndustrie.Grains.Interfaces.Subscriptions.Channels.WebPush;
using AlloIndustrie.WebFront.Api;

namespace AlloIndustrie.WebFront.Residents.Subscriptions.WebPush;

/// <summary><c>GET /api/v1/push/key</c>: the VAPID application server key browsers subscribe with.</summary>
public static class PushKeyApi
{
    /// <summary>The Web Push settings and the origins push endpoints may have (a bad list stops the start).</summary>
    public static IServiceCollection AddAlloWebPush(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(WebPushOptions.Section);
        services.Configure<WebPushOptions>(section);
        services.AddSingleton(PushOrigins.Parse(section.Get<WebPushOptions>()?.PushOrigins ?? WebPushOptions.DefaultPushOrigins));
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
