using System.Data.Common;
using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.Silo.Storage;
using Npgsql;
using Xunit;

namespace AlloIndustrie.Tests.Storage;

/// <summary>
/// A fresh database on the PostgreSQL server named by <c>ALLO_TEST_POSTGRES</c>, dropped on dispose.
/// Start a local server with <c>eval "$(tools/postgres-for-tests.sh)"</c>.
/// </summary>
public sealed class PostgresDatabase : ITestDatabase, IAsyncLifetime
{
    public const string ServerVariable = "ALLO_TEST_POSTGRES";

    private readonly string serverConnectionString;

    public PostgresDatabase()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            // Failing, not skipping: a run without PostgreSQL must not look like a passing run.
            throw new InvalidOperationException(
                $"Environment variable {ServerVariable} is not set. The PostgreSQL storage tests need a server: "
                + "run eval \"$(tools/postgres-for-tests.sh)\" from the repository root, or set it to a connection string "
                + "(for example Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres) of a user allowed to create databases.");
        }

        serverConnectionString = server;
        DatabaseName = $"allo_test_{Guid.NewGuid():N}";
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName }.ConnectionString;
        Settings = new Dictionary<string, string?>
        {
            ["Allo:Storage:Provider"] = nameof(StorageProvider.PostgreSql),
            ["Allo:Storage:ConnectionString"] = ConnectionString,
            [StorageOptions.DataDirectoryKey] = Path.Combine(Path.GetTempPath(), "alloindustrie-tests", "postgres-data"),
        };
    }

    public StorageProvider Provider => StorageProvider.PostgreSql;

    public string DatabaseName { get; }

    public string ConnectionString { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await using (var database = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(database);
        }

        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        // FORCE ends connections Orleans may still hold in other pools.
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<DbConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
