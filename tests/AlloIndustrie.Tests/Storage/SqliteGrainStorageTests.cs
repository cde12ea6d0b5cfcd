using Xunit;

namespace AlloIndustrie.Tests.Storage;

[Collection(StorageClusterCollection.Name)]
public sealed class SqliteGrainStorageTests : GrainStorageTests<SqliteDatabase>, IDisposable
{
    public SqliteGrainStorageTests()
        : base(new SqliteDatabase())
    {
    }

    public void Dispose() => Database.Dispose();
}
