using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.ServiceDefaults.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AlloIndustrie.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The port of the Prometheus scrape endpoint (<c>/metrics</c>); unset, there is none.</summary>
    public const string MetricsPortKey = "Allo:Metrics:Port";

    /// <summary>The host name it answers to: <c>localhost</c> by default, <c>*</c> for every address.</summary>
    public const string MetricsHostKey = "Allo:Metrics:Host";

    /// <summary>The project's meters: <c>AlloIndustrie.Grains</c> on the silo, <c>AlloIndustrie.WebFront</c> on the web fronts.</summary>
    public const string ProjectMeters = "AlloIndustrie.*";

    /// <summary>
    /// Metrics and traces with OpenTelemetry: ASP.NET Core and the .NET runtime, Orleans' own meters and
    /// activities, the project's meters. Metrics are scraped by Prometheus on a listener of their own
    /// (<see cref="MetricsPortKey"/>), apart from the public routes; traces go to an OTLP collector when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with the other standard <c>OTEL_</c> variables). Logs keep to
    /// <see cref="LoggingFloor"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAlloTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var port = builder.Configuration[MetricsPortKey] is { Length: > 0 } ? Settings.Port(builder.Configuration, MetricsPortKey, 0) : (int?)null;
        var host = builder.Configuration[MetricsHostKey] is { Length: > 0 } configured ? configured.Trim() : "localhost";
        builder.Services.AddOrleansLoggingFloor();
        var exportTraces = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter("Microsoft.Orleans", ProjectMeters).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation();
                if (port is { } listening)
                {
                    metrics.AddPrometheusHttpListener(prometheus =>
                    {
                        prometheus.Host = host;
                        prometheus.Port = listening;
                    });
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application").AddAspNetCoreInstrumentation();
                if (exportTraces)
                {
                    tracing.AddOtlpExporter();
                }
            });
        return builder;
    }
}
