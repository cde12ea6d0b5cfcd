using Microsoft.Extensions.DependencyInjection.Extensions;
using AlloIndustrie.WebFront.Api;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Health;
using AlloIndustrie.WebFront.Subscriptions.WebPush;

namespace AlloIndustrie.WebFront.Hosting;

public static class ApiHostingExtensions
{
    /// <summary>JSON, OpenAPI, problem details, the canonical ids' route constraint, the API's rate limits, and the line saying where the web front listens.</summary>
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
        builder.Services.AddHostedService<ListeningAddresses>();
        builder.Services.AddAlloWebPush(builder.Configuration);
        var limits = new ApiLimits(builder.Configuration);
        builder.Services.AddSingleton(limits);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(ApiLimits.OperatorPolicy, context => ApiLimits.PerAddress(context, ApiLimits.OperatorPolicy, limits.OperatorPerAddress));
            limiter.AddPolicy(ApiLimits.PublicPolicy, context => ApiLimits.PerAddress(context, ApiLimits.PublicPolicy, limits.PublicPerAddress));
            limiter.OnRejected = (rejected, cancellation) => new ValueTask(ApiLimits.TooMany(rejected.HttpContext).ExecuteAsync(rejected.HttpContext));
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
        app.MapPushKeyApi();
        return app;
    }
}
