using AlloIndustrie.Tests.Storage;
using Orleans.Hosting;

namespace AlloIndustrie.Tests.Grains;

/// <summary>The lifecycle on a real PostgreSQL server: grain state and reminders in a fresh database.</summary>
public sealed class PostgresNoticeLifecycleTests : NoticeLifecycleTests
{
    private readonly PostgresDatabase database = new();

    protected override async Task<Action<ISiloBuilder>> PrepareStorage()
    {
        await database.InitializeAsync();
        return database.SiloStorage();
    }

    protected override Task ReleaseStorage() => database.DisposeAsync();
}
