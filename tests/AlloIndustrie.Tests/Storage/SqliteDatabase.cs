using System.Data.Common;
using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace AlloIndustrie.Tests.Storage;

/// <summary>A fresh, empty data folder for the SQLite provider, deleted on dispose.</summary>
public sealed class SqliteDatabase : ITestDatabase, IDisposable
{
    public SqliteDatabase()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "alloindustrie-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        Settings = new Dictionary<string, string?>
        {
            ["Allo:Storage:Provider"] = nameof(StorageProvider.Sqlite),
            [StorageOptions.DataDirectoryKey] = DataDirectory,
        };
    }

    public StorageProvider Provider => StorageProvider.Sqlite;

    public string DataDirectory { get; }

    public string FilePath => Path.Combine(DataDirectory, StorageOptions.SqliteFileName);

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public async Task<DbConnection> OpenConnectionAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Mode = SqliteOpenMode.ReadWrite }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    public void Dispose()
    {
        // Pooled connections keep the file open, which would make deleting it fail.
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
