using Xunit;

namespace AlloIndustrie.Tests.Dashboard;

// Runs alone, after the parallel collections: two more processes and a browser would slow their timed checks.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard service";
}
