namespace AlloIndustrie.Grains;

/// <summary>Names of the grain storage providers the silo registers.</summary>
public static class StorageNames
{
    /// <summary>The ADO.NET store holding every grain's state.</summary>
    public const string Grains = "allo";
}
