namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>
/// The sliding window of one territory's reports of one kind, keyed <c>{territory}/{kind}</c>. When enough
/// distinct sources in nearby communes (the same commune, or communes perceiving the same site) report within
/// the window and no notice explains it, it raises an alert. A reminder slides the window.
/// </summary>
[Alias("AlloIndustrie.IReportClusterGrain")]
public interface IReportClusterGrain : IGrainWithStringKey
{
    /// <summary>Adds an accepted report and raises or extends an alert if it completes a cluster.</summary>
    [Alias("Add")]
    Task Add(ClusterReport report);

    /// <summary>Reports still in the window.</summary>
    [Alias("GetWindow")]
    Task<int> GetWindow();

    /// <summary>The key of the cluster of one kind in one territory.</summary>
    public static string Key(string territory, string kind) => $"{territory}/{kind}";
}
