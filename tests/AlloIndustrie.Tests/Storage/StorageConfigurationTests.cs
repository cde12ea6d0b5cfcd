using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace AlloIndustrie.Tests.Storage;

public sealed class StorageConfigurationTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "alloindustrie-tests", Guid.NewGuid().ToString("N"), "data");

    public void Dispose()
    {
        var parent = Path.GetDirectoryName(dataDirectory)!;
        if (Directory.Exists(parent))
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public void Sqlite_is_the_default_and_its_file_lives_in_the_data_folder_which_is_created()
    {
        var options = StorageOptions.FromConfiguration(Configuration(new() { ["ALLO_DATA_DIR"] = dataDirectory }));

        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.True(Directory.Exists(dataDirectory));
        Assert.Contains(Path.Combine(dataDirectory, "alloindustrie.db"), options.ConnectionString, StringComparison.Ordinal);
        Assert.Equal("System.Data.SQLite", options.AdoNetInvariant);
    }

    [Fact]
    public void PostgreSql_is_chosen_case_insensitively_with_its_connection_string()
    {
        var options = StorageOptions.FromConfiguration(Configuration(new()
        {
            ["ALLO_DATA_DIR"] = dataDirectory,
            ["Allo:Storage:Provider"] = "postgresql",
            ["Allo:Storage:ConnectionString"] = "Host=db;Database=allo;Username=allo",
        }));

        Assert.Equal(StorageProvider.PostgreSql, options.Provider);
        Assert.Contains("Host=db", options.ConnectionString, StringComparison.Ordinal);
        Assert.Equal("Npgsql", options.AdoNetInvariant);
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("1")]
    public void Unknown_provider_is_rejected_naming_the_key(string provider)
    {
        var exception = Assert.Throws<SettingException>(() => StorageOptions.FromConfiguration(Configuration(new()
        {
            ["ALLO_DATA_DIR"] = dataDirectory,
            ["Allo:Storage:Provider"] = provider,
        })));

        Assert.Contains("Allo:Storage:Provider", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSql_without_connection_string_is_rejected_naming_the_key()
    {
        var exception = Assert.Throws<SettingException>(() => StorageOptions.FromConfiguration(Configuration(new()
        {
            ["ALLO_DATA_DIR"] = dataDirectory,
            ["Allo:Storage:Provider"] = "PostgreSql",
        })));

        Assert.Contains("Allo:Storage:ConnectionString", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cluster_settings_have_defaults_and_reject_a_bad_port()
    {
        var defaults = ClusterSettings.FromConfiguration(Configuration([]));
        Assert.Equal(new ClusterSettings("alloindustrie", 11111, 30000, System.Net.IPAddress.Loopback), defaults);

        var exception = Assert.Throws<SettingException>(
            () => ClusterSettings.FromConfiguration(Configuration(new() { ["Allo:Cluster:SiloPort"] = "70000" })));
        Assert.Contains("Allo:Cluster:SiloPort", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_configuration_fails_while_the_silo_is_being_configured()
    {
        var configuration = Configuration(new()
        {
            ["ALLO_DATA_DIR"] = dataDirectory,
            ["Allo:Storage:Provider"] = "PostgreSql",
        });
        var builder = Host.CreateApplicationBuilder();

        var exception = Assert.Throws<SettingException>(() => builder.UseOrleans(silo => silo.AddAlloStorage(configuration)));

        Assert.Contains("Allo:Storage:ConnectionString", exception.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
