using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using AlloIndustrie.ServiceDefaults.Configuration;

namespace AlloIndustrie.Silo.Storage;

/// <summary>Where the silo keeps its state, read from configuration.</summary>
public sealed class StorageOptions
{
    public const string DataDirectoryKey = "ALLO_DATA_DIR";
    public const string DefaultDataDirectory = "./data";
    public const string SqliteFileName = "alloindustrie.db";

    private StorageOptions(StorageProvider provider, string connectionString, string dataDirectory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
    }

    public StorageProvider Provider { get; }

    /// <summary>The connection string Orleans and the schema installer use for <see cref="Provider"/>.</summary>
    public string ConnectionString { get; }

    /// <summary>Absolute path of the data folder; it exists once the options are read.</summary>
    public string DataDirectory { get; }

    /// <summary>The name Orleans' ADO.NET providers know the database client by.</summary>
    public string AdoNetInvariant => Provider switch
    {
        // Orleans maps this historical name to Microsoft.Data.Sqlite.
        StorageProvider.Sqlite => "System.Data.SQLite",
        StorageProvider.PostgreSql => "Npgsql",
        _ => throw new InvalidOperationException($"Unknown storage provider {Provider}."),
    };

    /// <summary>
    /// Reads <c>Allo:Storage</c> (as <see cref="ClusterConnection"/> does for both processes) and <c>ALLO_DATA_DIR</c>,
    /// creating the data folder, and fails with a <see cref="SettingException"/> naming the faulty key.
    /// </summary>
    public static StorageOptions FromConfiguration(IConfiguration configuration)
    {
        var connection = ClusterConnection.FromConfiguration(configuration);
        var dataDirectory = CreateDataDirectory(configuration[DataDirectoryKey]);
        var connectionString = connection.Provider switch
        {
            StorageProvider.Sqlite => SqliteConnectionString(dataDirectory),
            StorageProvider.PostgreSql => connection.PostgreSqlConnectionString!,
            _ => throw new InvalidOperationException($"Unknown storage provider {connection.Provider}."),
        };
        return new StorageOptions(connection.Provider, connectionString, dataDirectory);
    }

    private static string CreateDataDirectory(string? configured)
    {
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultDataDirectory : configured);
        try
        {
            PrivateFiles.CreateFolder(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SettingException(DataDirectoryKey,
                $"le dossier « {path} » ne peut pas être créé ({exception.Message}) ; attendu : un dossier où le service peut écrire.",
                $"the folder '{path}' cannot be created ({exception.Message}); expected a folder the service may write to.", exception);
        }

        return path;
    }

    private static string SqliteConnectionString(string dataDirectory)
    {
        // Created here, before SQLite would create it with the umask's mode.
        var file = Path.Combine(dataDirectory, SqliteFileName);
        PrivateFiles.CreateFile(file);
        return new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
    }
}
