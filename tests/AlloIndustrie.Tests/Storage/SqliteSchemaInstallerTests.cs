using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.Silo.Storage;
using Xunit;

namespace AlloIndustrie.Tests.Storage;

public sealed class SqliteSchemaInstallerTests : IDisposable
{
    private readonly SqliteDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Installing_twice_gives_every_contract_query_and_keeps_existing_data()
    {
        await SchemaInstallers.For(database).InstallAsync(CancellationToken.None);
        await database.ExecuteAsync(
            "INSERT INTO OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, PayloadBinary, Version, ModifiedOn) "
            + "VALUES ('svc', 'state', 0, 0, 'key', NULL, 7, CURRENT_TIMESTAMP)");

        await SchemaInstallers.For(database).InstallAsync(CancellationToken.None);

        Assert.Equal(
            OrleansQueryContract.KeysFor(database.Provider).Order(StringComparer.Ordinal),
            await OrleansQueryContract.InstalledKeysAsync(database));
        var row = Assert.Single(await database.QueryAsync("SELECT Version FROM OrleansStorage"));
        Assert.Equal(7L, row[0]);
    }

    [Fact]
    public async Task Install_switches_the_database_to_write_ahead_logging()
    {
        await SchemaInstallers.For(database).InstallAsync(CancellationToken.None);

        var row = Assert.Single(await database.QueryAsync("PRAGMA journal_mode"));
        Assert.Equal("wal", row[0]);
    }

    [Fact]
    public void Each_provider_has_embedded_scripts_starting_with_the_query_table()
    {
        foreach (var provider in Enum.GetValues<StorageProvider>())
        {
            var scripts = SchemaInstaller.ScriptNames(provider);
            Assert.EndsWith($".Sql.{provider}.01.OrleansQuery.sql", scripts[0], StringComparison.Ordinal);
        }
    }
}
