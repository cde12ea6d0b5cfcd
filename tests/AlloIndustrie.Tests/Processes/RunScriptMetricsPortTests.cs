using System.Diagnostics;
using Xunit;

namespace AlloIndustrie.Tests.Processes;

/// <summary>
/// <c>./run.sh</c> gives the silo and the web front a scrape endpoint port each; settings that would give both the same
/// one stop it at once, before it installs or builds anything, with one line saying what to set (exit code 78).
/// </summary>
public sealed class RunScriptMetricsPortTests
{
    [Theory]
    [InlineData("ALLO_SILO_METRICS_PORT", "ALLO_WEB_METRICS_PORT")]
    [InlineData("Allo__Metrics__Port", null)]
    public async Task One_metrics_port_for_both_processes_stops_run_sh_with_one_line(string variable, string? other)
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(RepositoryPaths.Root, "run.sh") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.Environment[variable] = "9564";
        if (other is not null)
        {
            start.Environment[other] = "9564";
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            // It went on to install, build and start the service: the settings were not refused.
            process.Kill(entireProcessTree: true);
            Assert.Fail($"run.sh with {variable}=9564 went on:\n{await error}");
        }

        Assert.Equal(78, process.ExitCode);
        Assert.Equal("", await output);
        var line = Assert.Single((await error).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"run.sh : {variable} ", line, StringComparison.Ordinal);
        Assert.Contains("attendu", line, StringComparison.Ordinal);
        Assert.Contains($"| run.sh: {variable} ", line, StringComparison.Ordinal);
        Assert.Contains("expected", line, StringComparison.Ordinal);
    }
}
