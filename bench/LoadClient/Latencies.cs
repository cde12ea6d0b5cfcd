using System.Diagnostics;
using System.Globalization;

namespace AlloIndustrie.Bench.LoadClient;

/// <summary>A set of durations in milliseconds, summarised by percentiles (nearest rank).</summary>
public sealed class Latencies
{
    private readonly List<double> values = [];
    private readonly Lock gate = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return values.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (gate)
        {
            values.Add(milliseconds);
        }
    }

    public void Since(long startTimestamp) => Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public double Percentile(double p)
    {
        lock (gate)
        {
            if (values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = values.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }
    }

    public double Max => Percentile(100);

    public static string Ms(double value) =>
        double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";
}
