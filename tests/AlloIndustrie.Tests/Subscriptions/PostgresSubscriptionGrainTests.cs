using AlloIndustrie.Tests.Storage;
using Orleans.Hosting;

namespace AlloIndustrie.Tests.Subscriptions;

/// <summary>Subscriptions and deliveries on a real PostgreSQL server, in a fresh database.</summary>
public sealed class PostgresSubscriptionGrainTests : SubscriptionGrainTests
{
    private readonly PostgresDatabase database = new();

    protected override async Task<Action<ISiloBuilder>> PrepareStorage()
    {
        await database.InitializeAsync();
        return database.SiloStorage();
    }

    protected override Task ReleaseStorage() => database.DisposeAsync();
}
