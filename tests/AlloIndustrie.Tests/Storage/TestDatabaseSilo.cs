using AlloIndustrie.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting;

namespace AlloIndustrie.Tests.Storage;

public static class TestDatabaseSilo
{
    /// <summary>How a test silo keeps its grain state and reminders in <paramref name="database"/>, as the real silo would.</summary>
    public static Action<ISiloBuilder> SiloStorage(this ITestDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        return silo => silo.AddAlloStorage(configuration);
    }
}
