using System.Globalization;
using System.Net;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace AlloIndustrie.WebFront.Hosting;

/// <summary>
/// Connects the web front to the silo. The web front may not reference the Silo project, so it
/// reads the same configuration keys as the silo's storage setup (AlloIndustrie.Silo.Storage).
/// </summary>
public static class OrleansClientExtensions
{
    // Must match ClusterSettings.ServiceId and the defaults in AlloIndustrie.Silo.Storage.
    private const string ServiceId = "alloindustrie";
    private const string DefaultClusterId = "alloindustrie";
    private const int DefaultGatewayPort = 30000;

    public static WebApplicationBuilder AddAlloOrleansClient(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var provider = configuration["Allo:Storage:Provider"];
        var clusterId = configuration["Allo:Cluster:ClusterId"];
        clusterId = string.IsNullOrWhiteSpace(clusterId) ? DefaultClusterId : clusterId.Trim();

        if (string.IsNullOrWhiteSpace(provider) || provider.Trim().Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var gatewayPort = ReadGatewayPort(configuration);
            builder.UseOrleansClient(client => client
                .UseLocalhostClustering(gatewayPort, ServiceId, clusterId)
                .UseConnectionRetryFilter<SiloConnectionRetryFilter>()
                .AddDashboard());
        }
        else if (provider.Trim().Equals("PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration["Allo:Storage:ConnectionString"];
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Configuration Allo:Storage:ConnectionString is required when Allo:Storage:Provider is PostgreSql.");
            }

            builder.UseOrleansClient(client => client
                .Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = clusterId;
                    options.ServiceId = ServiceId;
                })
                .UseAdoNetClustering(options =>
                {
                    options.Invariant = "Npgsql";
                    options.ConnectionString = connectionString;
                })
                .UseConnectionRetryFilter<SiloConnectionRetryFilter>()
                .AddDashboard());
        }
        else
        {
            throw new InvalidOperationException($"Configuration Allo:Storage:Provider is '{provider}'; expected Sqlite or PostgreSql.");
        }

        return builder;
    }

    private static int ReadGatewayPort(IConfiguration configuration)
    {
        var value = configuration["Allo:Cluster:GatewayPort"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultGatewayPort;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= IPEndPoint.MaxPort
            ? port
            : throw new InvalidOperationException($"Configuration Allo:Cluster:GatewayPort is '{value}'; expected a TCP port between 1 and {IPEndPoint.MaxPort}.");
    }
}
