using AlloIndustrie.Silo.Storage;
using AlloIndustrie.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting;

namespace AlloIndustrie.Tests.Subscriptions;

/// <summary>Subscriptions and deliveries on the embedded default: a real SQLite file.</summary>
public sealed class SqliteSubscriptionGrainTests : SubscriptionGrainTests
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
