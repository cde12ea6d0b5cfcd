namespace AlloIndustrie.Grains;

/// <summary>Names of the grain storage providers the silo registers.</summary>
public static class StorageNames
{
    /// <summary>The application's grain storage (also registered as the default one).</summary>
    public const string Grains = "allo";
}
