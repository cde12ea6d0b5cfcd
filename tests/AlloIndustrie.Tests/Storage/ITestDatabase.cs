using System.Data.Common;
using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.Silo.Storage;

namespace AlloIndustrie.Tests.Storage;

/// <summary>A database the storage tests can point the silo at and inspect directly.</summary>
public interface ITestDatabase
{
    StorageProvider Provider { get; }

    /// <summary>Configuration entries that make <c>AddAlloStorage</c> use this database.</summary>
    IReadOnlyDictionary<string, string?> Settings { get; }

    Task<DbConnection> OpenConnectionAsync();
}
