namespace AlloIndustrie.Silo.Storage;

/// <summary>The database behind Orleans' clustering, grain storage and reminders.</summary>
public enum StorageProvider
{
    /// <summary>A single SQLite file in the data folder: one silo, localhost clustering.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by every silo of the cluster.</summary>
    PostgreSql,
}
