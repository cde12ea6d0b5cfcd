using AlloIndustrie.Tests.Storage;
using Orleans.Hosting;

namespace AlloIndustrie.Tests.Grains;

/// <summary>The lifecycle on the embedded default: grain state and reminders in a real SQLite file.</summary>
public sealed class SqliteNoticeLifecycleTests : NoticeLifecycleTests
{
    private readonly SqliteDatabase database = new();

    protected override Task<Action<ISiloBuilder>> PrepareStorage() => Task.FromResult(database.SiloStorage());

    protected override Task ReleaseStorage()
    {
        database.Dispose();
        return Task.CompletedTask;
    }
}
