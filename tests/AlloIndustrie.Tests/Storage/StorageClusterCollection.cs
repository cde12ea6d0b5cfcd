using Xunit;

namespace AlloIndustrie.Tests.Storage;

/// <summary>
/// Runs the tests that start Orleans silos one class at a time: several silos starting at once on a
/// two-core machine make start-up and reminder timing needlessly slow and flaky.
/// </summary>
[CollectionDefinition(Name)]
public sealed class StorageClusterCollection
{
    public const string Name = "Orleans storage clusters";
}
