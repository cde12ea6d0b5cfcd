using AlloIndustrie.Tests.Storage;
using Orleans.Hosting;

namespace AlloIndustrie.Tests.Subscriptions;

/// <summary>Subscriptions and deliveries on the embedded default: a real SQLite file.</summary>
public sealed class SqliteSubscriptionGrainTests : SubscriptionGrainTests
{
    private readonly SqliteDatabase database = new();

    protected override Task<Action<ISiloBuilder>> PrepareStorage() => Task.FromResult(database.SiloStorage());

    protected override Task ReleaseStorage()
    {
        database.Dispose();
        return Task.CompletedTask;
    }
}
