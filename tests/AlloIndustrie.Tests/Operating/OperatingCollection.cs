using Xunit;

namespace AlloIndustrie.Tests.Operating;

[CollectionDefinition(Name)]
public sealed class OperatingCollection : ICollectionFixture<OperatingFixture>
{
    public const string Name = "Operated service";
}
