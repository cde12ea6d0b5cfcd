namespace AlloIndustrie.Bench.LoadClient;

/// <summary>Resident memory of another process, as the kernel counts it.</summary>
public static class ProcessMemory
{
    /// <summary>VmRSS of <paramref name="pid"/> in KiB.</summary>
    public static long ResidentKiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
