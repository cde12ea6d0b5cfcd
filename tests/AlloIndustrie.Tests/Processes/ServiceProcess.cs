using System.Diagnostics;
using System.Text;

namespace AlloIndustrie.Tests.Processes;

/// <summary>One process of the service (silo or web front), with its output kept for failure messages.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StreamWriter? log;

    /// <param name="logFile">Where to keep every line of output, for tests that search all of it; else only the tail is kept.</param>
    public ServiceProcess(string name, string assembly, IReadOnlyDictionary<string, string> environment, string workingDirectory, string? logFile = null, IEnumerable<string>? arguments = null)
    {
        Name = name;
        log = logFile is null ? null : new StreamWriter(logFile, append: true) { AutoFlush = true };
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>SIGKILL, as a crash or an OOM killer would: nothing gets to flush or say goodbye.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>The exit code once the process has ended by itself within <paramref name="patience"/>, its output read to the end; else null.</summary>
    public int? WaitForExit(TimeSpan patience)
    {
        if (!process.WaitForExit(patience))
        {
            return null;
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>SIGTERM, as Ctrl-C or a service manager would.</summary>
    public bool Terminate(TimeSpan patience)
    {
        if (process.HasExited)
        {
            return true;
        }

        Signal(process.Id, 15);
        return process.WaitForExit(patience);
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
        lock (output)
        {
            log?.Dispose();
        }
    }

    private static void Signal(int pid, int signal) =>
        Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString()]) { UseShellExecute = false })!.WaitForExit();

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            // Keep the tail only: a long run must not grow without bound.
            if (output.Length > 200_000)
            {
                output.Remove(0, 100_000);
            }

            output.AppendLine(line);
            log?.WriteLine(line);
        }
    }
}
