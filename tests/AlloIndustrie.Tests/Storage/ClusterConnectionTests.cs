using System.Data;
using AlloIndustrie.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace AlloIndustrie.Tests.Storage;

[Collection(StorageClusterCollection.Name)]
public sealed class ClusterConnectionTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Web_front_started_before_the_silo_waits_for_it_on_sqlite()
    {
        using var database = new SqliteDatabase();
        var cluster = new HostedCluster(database);
        await using var webFront = cluster.CreateWebFront();
        using var silo = cluster.CreateSilo();

        var webFrontStarted = webFront.StartAsync();
        await Task.Delay(SiloConnectionRetries(4));
        Assert.False(webFrontStarted.IsCompleted, "The web front should still be waiting for the silo.");

        await silo.StartAsync();
        await webFrontStarted.WaitAsync(StartTimeout);

        var key = $"probe-{Guid.NewGuid():N}";
        await webFront.Services.GetRequiredService<IClusterClient>().GetGrain<IProbeGrain>(key).SetAsync(new ProbeState { Text = "via web" });
        Assert.Single(await database.QueryAsync(
            "SELECT Version FROM OrleansStorage WHERE GrainIdExtensionString = @key", ("key", UnambiguousKeyGrainStorage.StoredKey(key))));

        await webFront.StopAsync();
        await silo.StopAsync();
    }

    [Fact]
    public async Task Web_front_started_before_the_silo_finds_it_through_the_postgresql_membership_table()
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            var cluster = new HostedCluster(database);
            await using var webFront = cluster.CreateWebFront();
            using var silo = cluster.CreateSilo();

            // Until the silo installs the schema the client fails on a missing table, which Orleans'
            // own retry filter would not retry.
            var webFrontStarted = webFront.StartAsync();
            await Task.Delay(SiloConnectionRetries(4));
            Assert.False(webFrontStarted.IsCompleted, "The web front should still be waiting for the silo.");
            await silo.StartAsync().WaitAsync(StartTimeout);
            await webFrontStarted.WaitAsync(StartTimeout);

            var key = $"probe-{Guid.NewGuid():N}";
            await webFront.Services.GetRequiredService<IClusterClient>().GetGrain<IProbeGrain>(key).SetAsync(new ProbeState { Text = "via membership" });

            var member = Assert.Single(await MembersAsync(database, cluster.ClusterId));
            Assert.Equal(cluster.SiloPort, member.Port);
            Assert.Equal(cluster.GatewayPort, member.ProxyPort);
            Assert.Equal((int)SiloStatus.Active, member.Status);

            await webFront.StopAsync();
            await silo.StopAsync();

            Assert.Equal((int)SiloStatus.Dead, Assert.Single(await MembersAsync(database, cluster.ClusterId)).Status);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Defunct_silo_cleanup_removes_only_dead_silos_silent_since_the_cutoff()
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            await SchemaInstallers.For(database).InstallAsync(CancellationToken.None);
            var now = DateTime.UtcNow;
            await database.ExecuteAsync("INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES ('c')");
            await InsertMemberAsync(database, port: 1, SiloStatus.Dead, iAmAlive: now.AddDays(-8));
            await InsertMemberAsync(database, port: 2, SiloStatus.Active, iAmAlive: now.AddDays(-8));
            await InsertMemberAsync(database, port: 3, SiloStatus.Dead, iAmAlive: now.AddHours(-1));

            // Parameters typed as Orleans' RelationalOrleansQueries types them.
            var query = (string)Assert.Single(await database.QueryAsync(
                "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntriesKey'"))[0]!;
            await using (var connection = (NpgsqlConnection)await database.OpenConnectionAsync())
            await using (var command = new NpgsqlCommand(query, connection))
            {
                command.Parameters.Add(new NpgsqlParameter("DeploymentId", DbType.String) { Value = "c" });
                command.Parameters.Add(new NpgsqlParameter("IAmAliveTime", DbType.DateTime) { Value = now.AddDays(-7) });
                await command.ExecuteNonQueryAsync();
            }

            Assert.Equal([2, 3], (await MembersAsync(database, "c")).Select(member => member.Port).Order());
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>The time the web front's first <paramref name="attempts"/> retries wait in all (3 s for 4).</summary>
    private static TimeSpan SiloConnectionRetries(int attempts) =>
        TimeSpan.FromTicks(Enumerable.Range(1, attempts).Sum(a => AlloIndustrie.WebFront.Hosting.SiloConnectionRetryFilter.DelayAfter(a).Ticks));

    private static async Task<IReadOnlyList<(int Port, int ProxyPort, int Status)>> MembersAsync(ITestDatabase database, string clusterId) =>
        (await database.QueryAsync(
            "SELECT Port, ProxyPort, Status FROM OrleansMembershipTable WHERE DeploymentId = @cluster", ("cluster", clusterId)))
            .Select(row => ((int)row[0]!, (int)row[1]!, (int)row[2]!))
            .ToList();

    private static Task InsertMemberAsync(ITestDatabase database, int port, SiloStatus status, DateTime iAmAlive) =>
        database.ExecuteAsync(
            "INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime) "
            + "VALUES ('c', '127.0.0.1', @port, 1, 'silo', 'host', @status, 0, @alive, @alive)",
            ("port", port), ("status", (int)status), ("alive", iAmAlive));
}
