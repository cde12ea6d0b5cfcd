using Npgsql;

namespace AlloIndustrie.ServiceDefaults.Configuration;

/// <summary><c>Allo:Storage</c>: the database behind Orleans' clustering, grain storage and reminders.</summary>
public sealed class StorageSettings
{
    public const string Section = "Allo:Storage";
    public const string ProviderKey = $"{Section}:Provider";
    public const string ConnectionStringKey = $"{Section}:ConnectionString";

    /// <summary><c>Sqlite</c> (the default) or <c>PostgreSql</c>, in any case; bound as text so that a misspelt one is told as such.</summary>
    public string? Provider { get; set; }

    /// <summary>PostgreSQL's connection string (Npgsql format), required with <c>PostgreSql</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The provider named; only once <see cref="Check"/> accepted the settings.</summary>
    public StorageProvider ProviderKind => ParseProvider(Provider) ?? throw new InvalidOperationException(Check(this)?.Message);

    /// <summary>The connection string in Npgsql's own form, with <c>PostgreSql</c>; only once <see cref="Check"/> accepted the settings.</summary>
    public string? PostgreSqlConnectionString =>
        ProviderKind == StorageProvider.PostgreSql ? new NpgsqlConnectionStringBuilder(ConnectionString).ConnectionString : null;

    public static SettingException? Check(StorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var provider = ParseProvider(settings.Provider);
        if (provider is null)
        {
            return SettingException.Invalid(ProviderKey, settings.Provider,
                "Sqlite (un seul silo, fichier dans le dossier de données) ou PostgreSql (grappe)",
                "Sqlite (one silo, a file in the data folder) or PostgreSql (a cluster)");
        }

        return provider == StorageProvider.PostgreSql ? ConnectionStringProblem(settings.ConnectionString) : null;
    }

    private static StorageProvider? ParseProvider(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? StorageProvider.Sqlite

            // Enum.TryParse would also accept numbers such as "1", which are not meant to be valid.
            : Enum.GetValues<StorageProvider>()
                .Where(provider => string.Equals(provider.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase))
                .Select(provider => (StorageProvider?)provider)
                .SingleOrDefault();

    private static SettingException? ConnectionStringProblem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return SettingException.Missing(ConnectionStringKey,
                $"la chaîne de connexion PostgreSQL (Host=…;Database=…;Username=…;Password=…) quand {ProviderKey} vaut PostgreSql",
                $"the PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…) when {ProviderKey} is PostgreSql");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
            return null;
        }
        catch (ArgumentException exception)
        {
            return new SettingException(ConnectionStringKey,
                $"illisible ({exception.Message}) ; attendu : Host=…;Database=…;Username=…;Password=….",
                $"unreadable ({exception.Message}); expected Host=…;Database=…;Username=…;Password=….", exception);
        }
    }
}
