using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using AlloIndustrie.ServiceDefaults.Configuration;
using Npgsql;

namespace AlloIndustrie.Silo.Storage;

/// <summary>Where the silo keeps its state, read from configuration.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Allo:Storage";
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
    /// Reads <c>Allo:Storage:Provider</c>, <c>Allo:Storage:ConnectionString</c> and <c>ALLO_DATA_DIR</c>,
    /// creating the data folder, and fails with a <see cref="SettingException"/> naming the faulty key.
    /// </summary>
    public static StorageOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var provider = ParseProvider(section["Provider"]);
        var dataDirectory = CreateDataDirectory(configuration[DataDirectoryKey]);
        var connectionString = provider switch
        {
            StorageProvider.Sqlite => SqliteConnectionString(dataDirectory),
            StorageProvider.PostgreSql => PostgreSqlConnectionString(section["ConnectionString"]),
            _ => throw new InvalidOperationException($"Unknown storage provider {provider}."),
        };
        return new StorageOptions(provider, connectionString, dataDirectory);
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
        return match ?? throw SettingException.Invalid($"{SectionName}:Provider", value,
            "Sqlite (un seul silo, fichier dans le dossier de données) ou PostgreSql (grappe)",
            "Sqlite (one silo, a file in the data folder) or PostgreSql (a cluster)");
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

    private static string PostgreSqlConnectionString(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw SettingException.Missing($"{SectionName}:ConnectionString",
                $"la chaîne de connexion PostgreSQL (Host=…;Database=…;Username=…;Password=…) quand {SectionName}:Provider vaut PostgreSql",
                $"the PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…) when {SectionName}:Provider is PostgreSql");
        }

        try
        {
            return new NpgsqlConnectionStringBuilder(value).ConnectionString;
        }
        catch (ArgumentException exception)
        {
            throw new SettingException($"{SectionName}:ConnectionString",
                $"illisible ({exception.Message}) ; attendu : Host=…;Database=…;Username=…;Password=….",
                $"unreadable ({exception.Message}); expected Host=…;Database=…;Username=…;Password=….", exception);
        }
    }
}
