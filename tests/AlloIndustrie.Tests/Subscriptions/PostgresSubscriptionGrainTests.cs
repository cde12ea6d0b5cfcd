using AlloIndustrie.Silo.Storage;
using AlloIndustrie.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting;

namespace AlloIndustrie.Tests.Subscriptions;

/// <summary>Subscriptions and deliveries on a real PostgreSQL server, in a fresh database.</summary>
public sealed class PostgresSubscriptionGrainTests : SubscriptionGrainTests
{
    private readonly PostgresDatabase database = new();

    protected override async Task<Action<ISiloBuilder>> PrepareStorage()
    {
        await database.InitializeAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        return silo => silo.AddAlloStorage(configuration);
    }

    protected override Task ReleaseStorage() => database.DisposeAsync();
}
