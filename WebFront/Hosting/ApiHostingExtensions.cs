using System.Threading.RateLimiting;
using AlloIndustrie.Grains.Interfaces.ApiKeys;
using Microsoft.Extensions.DependencyInjection.Extensions;
using AlloIndustrie.WebFront.Api;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Health;

namespace AlloIndustrie.WebFront.Hosting;

public static class ApiHostingExtensions
{
    /// <summary>JSON, OpenAPI, problem details, the canonical ids' route constraint and the operators' rate limit.</summary>
    public static WebApplicationBuilder AddAlloApi(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<AuditTrail>();
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.Configure<RouteOptions>(routes => routes.ConstraintMap[CanonicalIdRouteConstraint.Name] = typeof(CanonicalIdRouteConstraint));
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<StorageHealth>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StorageHealth>());
        builder.Services.AddExceptionHandler<UnavailableExceptionHandler>();
        var perMinute = builder.Configuration.GetValue("Allo:Api:OperatorRequestsPerMinute", 120);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(OperatorApi.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                ApiKeyFormat.TryParse(OperatorApi.BearerToken(context), out var keyId, out _)
                    ? "key:" + keyId
                    : "ip:" + context.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (rejected, cancellation) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                await Problems.Of(StatusCodes.Status429TooManyRequests, "Trop de requêtes : réessayez dans une minute.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
        return builder;
    }

    public static WebApplication MapAlloApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseRateLimiter();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealth();
        app.MapPublicApi();
        app.MapOperatorApi();
        return app;
    }
}
