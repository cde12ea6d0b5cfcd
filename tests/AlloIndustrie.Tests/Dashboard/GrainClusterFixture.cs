using AlloIndustrie.Tests.Grains;
using Orleans.Hosting;
using Xunit;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>One in-process cluster on memory storage, shared by a test class whose tests use keys of their own.</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public GrainTestCluster Test { get; private set; } = null!;

    public async Task InitializeAsync() => Test = await GrainTestCluster.Start(silo => silo
        .AddMemoryGrainStorage(AlloIndustrie.Grains.StorageNames.Grains)
        .UseInMemoryReminderService());

    public async Task DisposeAsync() => await Test.DisposeAsync();
}
