using Xunit;

namespace AlloIndustrie.Tests.Storage;

/// <summary>Each test gets its own empty database.</summary>
public sealed class PostgresSchemaInstallerTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Installing_twice_gives_every_contract_query_and_keeps_existing_data()
    {
        await SchemaInstallers.For(_database).InstallAsync(CancellationToken.None);
        await _database.ExecuteAsync(
            "INSERT INTO OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, PayloadBinary, Version) "
            + "VALUES ('svc', 'state', 0, 0, 'key', NULL, 7)");

        await SchemaInstallers.For(_database).InstallAsync(CancellationToken.None);

        Assert.Equal(
            OrleansQueryContract.KeysFor(_database.Provider).Order(StringComparer.Ordinal),
            await OrleansQueryContract.InstalledKeysAsync(_database));
        var row = Assert.Single(await _database.QueryAsync("SELECT Version FROM OrleansStorage"));
        Assert.Equal(7, row[0]);
    }

    [Fact]
    public async Task Silos_installing_at_the_same_time_on_an_empty_database_all_succeed()
    {
        var installers = Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => SchemaInstallers.For(_database).InstallAsync(CancellationToken.None)));

        await Task.WhenAll(installers);

        Assert.Equal(
            OrleansQueryContract.KeysFor(_database.Provider).Order(StringComparer.Ordinal),
            await OrleansQueryContract.InstalledKeysAsync(_database));
    }
}
