using Microsoft.Extensions.Configuration;
using Npgsql;

namespace AlloIndustrie.ServiceDefaults.Configuration;

/// <summary>The database behind Orleans' clustering, grain storage and reminders.</summary>
public enum StorageProvider
{
    /// <summary>A single SQLite file in the data folder: one silo, localhost clustering.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by every silo of the cluster.</summary>
    PostgreSql,
}

/// <summary>
/// What the silo and the web front must read alike to find each other: the storage provider (which decides the
/// clustering), PostgreSQL's connection string, the cluster id and the gateway port. Both processes parse them
/// here, with the same defaults and the same errors.
/// </summary>
public sealed record ClusterConnection(StorageProvider Provider, string? PostgreSqlConnectionString, string ClusterId, int GatewayPort)
{
    public const string StorageSection = "Allo:Storage";
    public const string ClusterSection = "Allo:Cluster";

    /// <summary>Identifies the application's persistent data (grain state, reminders) across deployments.</summary>
    public const string ServiceId = "alloindustrie";

    public const string DefaultClusterId = "alloindustrie";
    public const int DefaultGatewayPort = 30000;

    public static ClusterConnection FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = ParseProvider(configuration[$"{StorageSection}:Provider"]);
        var clusterId = configuration[$"{ClusterSection}:ClusterId"];
        return new ClusterConnection(
            provider,
            provider == StorageProvider.PostgreSql ? ReadPostgreSqlConnectionString(configuration[$"{StorageSection}:ConnectionString"]) : null,
            string.IsNullOrWhiteSpace(clusterId) ? DefaultClusterId : clusterId.Trim(),
            Settings.Port(configuration, $"{ClusterSection}:GatewayPort", DefaultGatewayPort));
    }

    private static StorageProvider ParseProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return StorageProvider.Sqlite;
        }

        // Enum.TryParse would also accept numbers such as "1", which are not meant to be valid.
        var match = Enum.GetValues<StorageProvider>()
            .Where(provider => string.Equals(provider.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(provider => (StorageProvider?)provider)
            .SingleOrDefault();
        return match ?? throw SettingException.Invalid($"{StorageSection}:Provider", value,
            "Sqlite (un seul silo, fichier dans le dossier de données) ou PostgreSql (grappe)",
            "Sqlite (one silo, a file in the data folder) or PostgreSql (a cluster)");
    }

    private static string ReadPostgreSqlConnectionString(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw SettingException.Missing($"{StorageSection}:ConnectionString",
                $"la chaîne de connexion PostgreSQL (Host=…;Database=…;Username=…;Password=…) quand {StorageSection}:Provider vaut PostgreSql",
                $"the PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…) when {StorageSection}:Provider is PostgreSql");
        }

        try
        {
            return new NpgsqlConnectionStringBuilder(value).ConnectionString;
        }
        catch (ArgumentException exception)
        {
            throw new SettingException($"{StorageSection}:ConnectionString",
                $"illisible ({exception.Message}) ; attendu : Host=…;Database=…;Username=…;Password=….",
                $"unreadable ({exception.Message}); expected Host=…;Database=…;Username=…;Password=….", exception);
        }
    }
}
