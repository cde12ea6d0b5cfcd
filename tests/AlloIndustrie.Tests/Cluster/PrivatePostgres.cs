using System.Diagnostics;
using AlloIndustrie.Tests.Processes;

namespace AlloIndustrie.Tests.Cluster;

/// <summary>
/// A PostgreSQL server of the test's own (via <c>tools/postgres-for-tests.sh</c>), so that it can be stopped
/// and started again without disturbing the other tests' server.
/// </summary>
public sealed class PrivatePostgres : IDisposable
{
    private readonly string directory = Path.Combine("/tmp", $"allo-pg-{Guid.NewGuid():N}");

    public string ConnectionString { get; private set; } = "";

    public async Task Start()
    {
        var export = await Run("start");
        const string Prefix = "export ALLO_TEST_POSTGRES='";
        var line = export.Split('\n').Single(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        ConnectionString = line[Prefix.Length..line.LastIndexOf('\'')];
    }

    public Task Stop() => Run("stop");

    public void Dispose()
    {
        Run("stop").GetAwaiter().GetResult();
        Directory.Delete(directory, recursive: true);
    }

    private async Task<string> Run(string command)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "tools", "postgres-for-tests.sh"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ALLO_TEST_PG_DIR"] = directory;

        // A free port the first time (never the shared server's); the same one after a stop, since connection
        // strings already handed out name it.
        start.Environment.Remove("ALLO_TEST_PG_PORT");
        if (ConnectionString.Length > 0)
        {
            start.Environment["ALLO_TEST_PG_PORT"] = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Port.ToString();
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"postgres-for-tests.sh {command} failed:\n{await errors}");
        }

        return await output;
    }
}
