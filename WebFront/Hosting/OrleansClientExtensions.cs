using System.Globalization;
using System.Net;
using AlloIndustrie.ServiceDefaults.Cluster;
using AlloIndustrie.ServiceDefaults.Configuration;
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
        var tls = ClusterTls.FromConfiguration(configuration);

        if (string.IsNullOrWhiteSpace(provider) || provider.Trim().Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var gatewayPort = Settings.Port(configuration, "Allo:Cluster:GatewayPort", DefaultGatewayPort);
            builder.UseOrleansClient(client => client
                .UseLocalhostClustering(gatewayPort, ServiceId, clusterId)
                .UseConnectionRetryFilter<SiloConnectionRetryFilter>()
                .UseClusterTls(tls)
                .AddActivityPropagation()
                .AddDashboard());
        }
        else if (provider.Trim().Equals("PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration["Allo:Storage:ConnectionString"];
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw SettingException.Missing("Allo:Storage:ConnectionString",
                    "la chaîne de connexion PostgreSQL (Host=…;Database=…;Username=…;Password=…) quand Allo:Storage:Provider vaut PostgreSql",
                    "the PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…) when Allo:Storage:Provider is PostgreSql");
            }

            builder.Services.AddSingleton<IStartupCheck>(new PostgreSqlReachability(connectionString, "Allo:Storage:ConnectionString"));

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
                .UseClusterTls(tls)
                .AddActivityPropagation()
                .AddDashboard());
        }
        else
        {
            throw SettingException.Invalid("Allo:Storage:Provider", provider,
                "Sqlite (un seul silo, fichier dans le dossier de données) ou PostgreSql (grappe)",
                "Sqlite (one silo, a file in the data folder) or PostgreSql (a cluster)");
        }

        return builder;
    }

    /// <summary>The cluster's mutual TLS (<see cref="ClusterTls"/>), when the silos use it: the web front must present its certificate too.</summary>
    private static IClientBuilder UseClusterTls(this IClientBuilder client, ClusterTls? tls) =>
        tls is null ? client : client.UseTls(tls.Certificate, tls.Apply);
}
