using AlloIndustrie.ServiceDefaults.Cluster;
using AlloIndustrie.ServiceDefaults.Configuration;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace AlloIndustrie.WebFront.Hosting;

/// <summary>
/// Connects the web front to the silo, from the keys both processes read alike (<see cref="ClusterConnection"/>):
/// the web front may not reference the Silo project.
/// </summary>
public static class OrleansClientExtensions
{
    public static WebApplicationBuilder AddAlloOrleansClient(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var cluster = ClusterConnection.FromConfiguration(builder.Configuration);
        var tls = ClusterTls.FromConfiguration(builder.Configuration);
        if (cluster.Provider == StorageProvider.Sqlite)
        {
            builder.UseOrleansClient(client => client
                .UseLocalhostClustering(cluster.GatewayPort, ClusterConnection.ServiceId, cluster.ClusterId)
                .UseConnectionRetryFilter<SiloConnectionRetryFilter>()
                .UseClusterTls(tls)
                .AddActivityPropagation()
                .AddDashboard());
            return builder;
        }

        var connectionString = cluster.PostgreSqlConnectionString!;
        builder.Services.AddSingleton<IStartupCheck>(new PostgreSqlReachability(connectionString, $"{ClusterConnection.StorageSection}:ConnectionString"));
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = ClusterConnection.ServiceId;
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
        return builder;
    }

    /// <summary>The cluster's mutual TLS (<see cref="ClusterTls"/>), when the silos use it: the web front must present its certificate too.</summary>
    private static IClientBuilder UseClusterTls(this IClientBuilder client, ClusterTls? tls) =>
        tls is null ? client : client.UseTls(tls.Certificate, tls.Apply);
}
