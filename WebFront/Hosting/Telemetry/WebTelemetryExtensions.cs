using AlloIndustrie.ServiceDefaults.Telemetry;

namespace AlloIndustrie.WebFront.Hosting.Telemetry;

public static class WebTelemetryExtensions
{
    /// <summary>The web front's metrics and traces, its own meter included.</summary>
    public static WebApplicationBuilder AddAlloWebTelemetry(this WebApplicationBuilder builder)
    {
        builder.AddAlloTelemetry("alloindustrie-webfront");
        builder.Services.AddSingleton<WebMetrics>();
        return builder;
    }
}
