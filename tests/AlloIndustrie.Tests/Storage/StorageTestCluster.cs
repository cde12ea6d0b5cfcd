using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace AlloIndustrie.Tests.Storage;

/// <summary>Starts an in-process one-silo cluster whose silo is configured by <c>AddAlloStorage</c>.</summary>
public static class StorageTestCluster
{
    public static async Task<InProcessTestCluster> StartAsync(ITestDatabase database, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(extraSettings ?? new Dictionary<string, string?>())
            .Build();

        var builder = new InProcessTestClusterBuilder(1);
        // The test cluster overrides the silo's ClusterOptions; the service id must stay the
        // application's so that a restarted cluster finds the same rows.
        builder.Options.ServiceId = ClusterConnection.ServiceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddAlloStorage(configuration));

        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
