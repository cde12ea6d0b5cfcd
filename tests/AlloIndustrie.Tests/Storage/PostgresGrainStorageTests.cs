using Xunit;

namespace AlloIndustrie.Tests.Storage;

[Collection(StorageClusterCollection.Name)]
public sealed class PostgresGrainStorageTests(PostgresDatabase database)
    : GrainStorageTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
