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
    /// <summary>The standard variable naming the OTLP collector traces go to; unset, they go nowhere.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The project's meters: <c>AlloIndustrie.Grains</c> on the silo, <c>AlloIndustrie.WebFront</c> on the web fronts.</summary>
    public const string ProjectMeters = "AlloIndustrie.*";

    /// <summary>
    /// Metrics and traces with OpenTelemetry: ASP.NET Core and the .NET runtime, Orleans' own meters and
    /// activities, the project's meters. Metrics are scraped by Prometheus on a listener of their own
    /// (<see cref="MetricsSettings"/>), apart from the public routes; traces go to an OTLP collector when
    /// <see cref="OtlpEndpointKey"/> is set (with the other standard <c>OTEL_</c> variables). Logs keep to
    /// <see cref="LoggingFloor"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAlloTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var metrics = SettingsBinding.Read<MetricsSettings>(builder.Configuration, MetricsSettings.Section, MetricsSettings.Check);
        var otlp = builder.Configuration[OtlpEndpointKey];
        if (SettingRules.HttpUrl(OtlpEndpointKey, otlp) is { } badEndpoint)
        {
            throw badEndpoint;
        }

        builder.Services.AddOrleansLoggingFloor();
        if (metrics.Port is not null)
        {
            builder.Services.AddSingleton<IStartupRefusal>(new MetricsPortRefusal(metrics));
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(meters =>
            {
                meters.AddMeter("Microsoft.Orleans", ProjectMeters).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation();
                if (metrics.Port is { } listening)
                {
                    meters.AddPrometheusHttpListener(prometheus =>
                    {
                        prometheus.Host = metrics.EffectiveHost;
                        prometheus.Port = listening;
                    });
                }
            });

        // Without a collector, listening would only make each request and grain call build a span nobody reads.
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddAspNetCoreInstrumentation()
                .AddProcessor(new SecretPathRedaction())
                .AddOtlpExporter());
        }

        return builder;
    }
}
