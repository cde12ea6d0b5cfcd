using System.Data.Common;
using System.Reflection;
using AlloIndustrie.ServiceDefaults.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AlloIndustrie.Silo.Storage;

/// <summary>
/// Creates or updates the tables and the <c>OrleansQuery</c> rows that Orleans' ADO.NET providers
/// need, from the scripts embedded under <c>Storage/Sql</c>. Every script is idempotent, so it runs
/// at every start-up.
/// </summary>
public sealed partial class SchemaInstaller(StorageOptions options, ILogger<SchemaInstaller> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>
    /// Orleans' providers read <c>OrleansQuery</c> when they initialise: membership and reminders at
    /// <see cref="ServiceLifecycleStage.RuntimeGrainServices"/>, grain storage at
    /// <see cref="ServiceLifecycleStage.ApplicationServices"/>. Lifecycle stages run one after the
    /// other, so installing just before <see cref="ServiceLifecycleStage.RuntimeInitialize"/> comes
    /// first.
    /// </summary>
    public const int LifecycleStage = ServiceLifecycleStage.RuntimeInitialize - 1;

    private static readonly Assembly ScriptAssembly = typeof(SchemaInstaller).Assembly;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaInstaller), LifecycleStage, InstallAsync);

    public async Task InstallAsync(CancellationToken cancellationToken)
    {
        var scripts = ScriptNames(options.Provider);
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);

        // SQLite cannot switch to WAL inside a transaction; PostgreSQL needs one for the advisory
        // lock that serialises silos installing at the same time.
        await using var transaction = options.Provider == StorageProvider.PostgreSql
            ? await connection.BeginTransactionAsync(cancellationToken)
            : null;
        foreach (var script in scripts)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = ReadScript(script);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        LogInstalled(options.Provider, scripts.Count);
    }

    /// <summary>The embedded scripts for a provider, in the order they run.</summary>
    public static IReadOnlyList<string> ScriptNames(StorageProvider provider)
    {
        var prefix = $"{typeof(SchemaInstaller).Namespace}.Sql.{provider}.";
        var names = ScriptAssembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return names.Count > 0
            ? names
            : throw new InvalidOperationException($"No embedded SQL script starts with '{prefix}'; the Silo assembly was built without its Storage/Sql resources.");
    }

    private DbConnection CreateConnection() => options.Provider switch
    {
        StorageProvider.Sqlite => new SqliteConnection(options.ConnectionString),
        StorageProvider.PostgreSql => new NpgsqlConnection(options.ConnectionString),
        _ => throw new InvalidOperationException($"Unknown storage provider {options.Provider}."),
    };

    private static string ReadScript(string name)
    {
        using var stream = ScriptAssembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded SQL script '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage schema for {Provider} is up to date ({ScriptCount} scripts applied).")]
    private partial void LogInstalled(StorageProvider provider, int scriptCount);
}
