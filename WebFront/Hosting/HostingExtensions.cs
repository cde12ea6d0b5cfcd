using AlloIndustrie.WebFront.Api;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Hosting.Health;
using AlloIndustrie.WebFront.Hosting.Telemetry;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlloIndustrie.WebFront.Hosting;

/// <summary>What every part of the web front stands on: the silo connection, the proxy, telemetry, errors, health.</summary>
public static class HostingExtensions
{
    /// <summary>
    /// Telemetry, the reverse proxy's headers and the public address, the Orleans client, JSON, problem details and
    /// the silo-unavailable handler, the canonical ids' route constraint, the audit trail, the storage probe, and
    /// the line saying where the web front listens, and Kestrel's buffers kept once allocated.
    /// </summary>
    public static WebApplicationBuilder AddAlloHosting(this WebApplicationBuilder builder)
    {
        builder.AddAlloWebTelemetry();
        builder.AddAlloReverseProxy();
        builder.AddAlloOrleansClient();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<AuditTrail>();
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<UnavailableExceptionHandler>();
        builder.Services.Configure<RouteOptions>(routes => routes.ConstraintMap[CanonicalIdRouteConstraint.Name] = typeof(CanonicalIdRouteConstraint));
        builder.Services.AddSingleton<StorageHealth>();
        builder.Services.AddSingleton<StartupWarmUp>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StorageHealth>());
        builder.Services.AddHostedService<ListeningAddresses>();
        builder.Services.AddSingleton<IMemoryPoolFactory<byte>, RetainedBlockPool.Factory>();
        return builder;
    }

    /// <summary><c>/healthz</c> and <c>/livez</c>.</summary>
    public static WebApplication MapAlloHosting(this WebApplication app)
    {
        app.MapHealth();
        return app;
    }
}
