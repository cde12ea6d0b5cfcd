using Xunit;

namespace AlloIndustrie.Tests.Processes;

[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<ServiceFixture>
{
    public const string Name = "Running service";
}
