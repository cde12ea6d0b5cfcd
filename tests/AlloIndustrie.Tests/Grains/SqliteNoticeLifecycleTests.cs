using AlloIndustrie.Silo.Storage;
using AlloIndustrie.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting;

namespace AlloIndustrie.Tests.Grains;

/// <summary>The lifecycle on the embedded default: grain state and reminders in a real SQLite file.</summary>
public sealed class SqliteNoticeLifecycleTests : NoticeLifecycleTests
{
    private readonly SqliteDatabase database = new();

    protected override Task<Action<ISiloBuilder>> PrepareStorage()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        return Task.FromResult<Action<ISiloBuilder>>(silo => silo.AddAlloStorage(configuration));
    }

    protected override Task ReleaseStorage()
    {
        database.Dispose();
        return Task.CompletedTask;
    }
}
