using Xunit;

namespace AlloIndustrie.Tests.Processes;

/// <summary>One running service shared by every test of the <see cref="ServiceCollection"/>.</summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    public RunningService Service { get; } = new();

    public Task InitializeAsync() => Service.Start();

    public async Task DisposeAsync() => await Service.DisposeAsync();
}
