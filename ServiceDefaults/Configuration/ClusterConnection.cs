using Microsoft.Extensions.Configuration;

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
    public const string StorageSection = StorageSettings.Section;
    public const string ClusterSection = ClusterNetworkSettings.Section;

    /// <summary>Identifies the application's persistent data (grain state, reminders) across deployments.</summary>
    public const string ServiceId = "alloindustrie";

    public const string DefaultClusterId = ClusterNetworkSettings.DefaultClusterId;
    public const int DefaultGatewayPort = ClusterNetworkSettings.DefaultGatewayPort;

    /// <summary><see cref="StorageSettings"/> and <see cref="ClusterNetworkSettings"/>, bound and checked by their own rules.</summary>
    public static ClusterConnection FromConfiguration(IConfiguration configuration)
    {
        var storage = SettingsBinding.Read<StorageSettings>(configuration, StorageSettings.Section, StorageSettings.Check);
        var cluster = SettingsBinding.Read<ClusterNetworkSettings>(configuration, ClusterNetworkSettings.Section, ClusterNetworkSettings.Check);
        return new ClusterConnection(storage.ProviderKind, storage.PostgreSqlConnectionString, cluster.EffectiveClusterId, cluster.GatewayPort);
    }
}
