using System.Diagnostics.Metrics;

namespace AlloIndustrie.WebFront.Hosting.Telemetry;

/// <summary>What a web node counts of its live audience, on the meter <see cref="MeterName"/>, per territory.</summary>
public sealed class WebMetrics
{
    public const string MeterName = "AlloIndustrie.WebFront";

    private readonly UpDownCounter<long> watchers;
    private readonly Counter<long> relayed;

    public WebMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        watchers = meter.CreateUpDownCounter<long>("allo.live.watchers", "{connection}", "Live connections (browsers, widgets) watching a territory on this node");
        relayed = meter.CreateCounter<long>("allo.live.changes", "{change}", "Notice changes this node relayed to the browsers watching their territory");
    }

    public void Watching(string territory) => watchers.Add(1, Territory(territory));

    public void StoppedWatching(string territory) => watchers.Add(-1, Territory(territory));

    public void Relayed(string territory) => relayed.Add(1, Territory(territory));

    private static KeyValuePair<string, object?> Territory(string territory) => new("territory", territory);
}
