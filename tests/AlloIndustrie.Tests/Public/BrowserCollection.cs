using Xunit;

namespace AlloIndustrie.Tests.Public;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Public site in a browser";
}
