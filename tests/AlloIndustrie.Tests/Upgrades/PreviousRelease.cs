using System.Diagnostics;
using AlloIndustrie.Tests.Processes;

namespace AlloIndustrie.Tests.Upgrades;

/// <summary>The previous release's silo and web front, built once by <c>tools/previous-release.sh</c> from the repository's history.</summary>
public static class PreviousRelease
{
    private static readonly SemaphoreSlim Building = new(1, 1);
    private static string? built;

    /// <summary>The checkout holding the previous release's build.</summary>
    public static async Task<string> Root()
    {
        await Building.WaitAsync();
        try
        {
            return built ??= await Build();
        }
        finally
        {
            Building.Release();
        }
    }

    private static async Task<string> Build()
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryPaths.Root, "tools", "previous-release.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var folder = (await output).Trim();
        return process.ExitCode == 0 && Directory.Exists(folder)
            ? folder
            : throw new InvalidOperationException($"tools/previous-release.sh failed ({process.ExitCode}): {await errors}");
    }
}
