using AlloIndustrie.Tests.Storage;
using Xunit;

namespace AlloIndustrie.Tests.Grains;

/// <summary>
/// A test class with its own in-process cluster on its own SQLite file, for what must outlive an activation (a
/// reactivation, a state written by an older release) as it does in production's storage.
/// </summary>
public abstract class SqliteClusterTest : IAsyncLifetime
{
    private readonly SqliteDatabase database = new();

    protected GrainTestCluster Test { get; private set; } = null!;

    public async Task InitializeAsync() => Test = await GrainTestCluster.Start(database.SiloStorage());

    public async Task DisposeAsync()
    {
        await Test.DisposeAsync();
        database.Dispose();
    }
}
