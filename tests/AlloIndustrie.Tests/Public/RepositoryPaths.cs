namespace AlloIndustrie.Tests.Public;

/// <summary>Finds files relative to the repository root, wherever the tests run from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The CAP 1.2 schema lives in the shared folder beside the repository.</summary>
    public static string CapSchema => Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas", "cap12.xsd"));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AlloIndustrie.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with AlloIndustrie.sln) was not found above " + AppContext.BaseDirectory);
    }
}
