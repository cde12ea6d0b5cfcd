using System.Diagnostics;

namespace AlloIndustrie.Tests.Processes;

/// <summary>Runs a command line tool (a script of the repository, nginx, openssl…) to its end.</summary>
public static class Commands
{
    /// <summary>The exit code, and standard output followed by standard error.</summary>
    public static async Task<(int Code, string Output)> Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
