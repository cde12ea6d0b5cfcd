namespace AlloIndustrie.Bench.LoadClient;

/// <summary>Resident memory and CPU time of a process, as the kernel counts them.</summary>
public static class ProcessMemory
{
    // /proc counts CPU time in USER_HZ ticks, 100 a second on every architecture Linux runs .NET on.
    private const long UserHz = 100;

    /// <summary>VmRSS of <paramref name="pid"/> in KiB.</summary>
    public static long ResidentKiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>User and system time <paramref name="pid"/> has used so far, in milliseconds (0 when unknown).</summary>
    public static long CpuMs(int pid)
    {
        if (pid <= 0)
        {
            return 0;
        }

        // The command name, in parentheses, may hold spaces: count the fields after it.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return ticks * 1000 / UserHz;
    }
}
