using Xunit;

namespace AlloIndustrie.Tests.Storage;

/// <summary>Each test gets its own empty database.</summary>
public sealed class PostgresSchemaInstallerTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Installing_twice_gives_every_contract_query_and_keeps_existing_data()
    {
        await SchemaInstallers.For(database).InstallAsync(CancellationToken.None);
        await database.ExecuteAsync(
            "INSERT INTO OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, PayloadBinary, Version) "
            + "VALUES ('svc', 'state', 0, 0, 'key', NULL, 7)");

        await SchemaInstallers.For(database).InstallAsync(CancellationToken.None);

        Assert.Equal(
            OrleansQueryContract.KeysFor(database.Provider).Order(StringComparer.Ordinal),
            await OrleansQueryContract.InstalledKeysAsync(database));
        var row = Assert.Single(await database.QueryAsync("SELECT Version FROM OrleansStorage"));
        Assert.Equal(7, row[0]);
    }

    [Fact]
    public async Task Silos_installing_at_the_same_time_on_an_empty_database_all_succeed()
    {
        var installers = Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => SchemaInstallers.For(database).InstallAsync(CancellationToken.None)));

        await Task.WhenAll(installers);

        Assert.Equal(
            OrleansQueryContract.KeysFor(database.Provider).Order(StringComparer.Ordinal),
            await OrleansQueryContract.InstalledKeysAsync(database));
    }
}
