namespace AlloIndustrie.Tests.Processes;

/// <summary>Where the repository and the built service are, found from the test assembly's folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with; the service is run from the same one.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string Built(string project, string assembly) => Built(Root, project, assembly);

    /// <summary>The same in another checkout (another release's).</summary>
    public static string Built(string root, string project, string assembly) =>
        Path.Combine(root, project, "bin", Configuration, "net10.0", assembly + ".dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AlloIndustrie.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AlloIndustrie.sln not found above " + AppContext.BaseDirectory);
    }
}
