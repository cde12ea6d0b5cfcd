using Xunit;

namespace AlloIndustrie.Tests.Reports;

[CollectionDefinition(Name)]
public sealed class ReportsCollection : ICollectionFixture<ReportsFixture>
{
    public const string Name = "Residents' reports";
}
