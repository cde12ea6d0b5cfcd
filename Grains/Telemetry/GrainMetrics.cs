using System.Diagnostics.Metrics;

namespace AlloIndustrie.Grains.Telemetry;

/// <summary>
/// What the silo counts of the service itself, on the meter <see cref="MeterName"/>: notices per territory, how long
/// their audio takes, phone calls, residents' reports and the alerts they raise, deliveries to subscribers and to
/// webhooks. Tags hold territory slugs and
/// vocabulary words only, never what a person wrote or where they are.
/// </summary>
public sealed class GrainMetrics
{
    public const string MeterName = "AlloIndustrie.Grains";

    private readonly Counter<long> published;
    private readonly Counter<long> updated;
    private readonly Counter<long> ended;
    private readonly Counter<long> withdrawn;
    private readonly Histogram<double> audioDelay;
    private readonly Counter<long> calls;
    private readonly Histogram<double> callDuration;
    private readonly Counter<long> reports;
    private readonly Counter<long> alerts;
    private readonly Counter<long> deliveries;
    private readonly Counter<long> webhookDeliveries;
    private readonly Histogram<double> webhookDuration;

    public GrainMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        published = meter.CreateCounter<long>("allo.notices.published", "{notice}", "Notices published");
        updated = meter.CreateCounter<long>("allo.notices.updated", "{update}", "Updates added to notices");
        ended = meter.CreateCounter<long>("allo.notices.ended", "{notice}", "Notices given their all-clear");
        withdrawn = meter.CreateCounter<long>("allo.notices.withdrawn", "{notice}", "Notices withdrawn as errors");
        audioDelay = meter.CreateHistogram<double>("allo.notices.audio.delay", "s", "From a notice's change to its synthesised audio");
        calls = meter.CreateCounter<long>("allo.phone.calls", "{call}", "Phone calls answered");
        callDuration = meter.CreateHistogram<double>("allo.phone.call.duration", "s", "Length of ended phone calls");
        reports = meter.CreateCounter<long>("allo.reports.accepted", "{report}", "Residents' reports accepted");
        alerts = meter.CreateCounter<long>("allo.reports.alerts", "{alert}", "Cluster alerts raised");
        deliveries = meter.CreateCounter<long>("allo.subscriptions.deliveries", "{message}", "Notices handed to a subscriber's channel, by outcome");
        webhookDeliveries = meter.CreateCounter<long>("allo.webhooks.deliveries", "{request}", "Webhook requests sent, by outcome");
        webhookDuration = meter.CreateHistogram<double>("allo.webhooks.duration", "s", "How long a webhook took to answer");
    }

    public void Published(string territory) => published.Add(1, Territory(territory));

    public void Updated(string territory) => updated.Add(1, Territory(territory));

    public void Ended(string territory) => ended.Add(1, Territory(territory));

    public void Withdrawn(string territory) => withdrawn.Add(1, Territory(territory));

    public void AudioReady(string territory, TimeSpan sinceChange) => audioDelay.Record(sinceChange.TotalSeconds, Territory(territory));

    public void CallAnswered(string territory) => calls.Add(1, Territory(territory));

    public void CallEnded(string territory, TimeSpan duration) => callDuration.Record(duration.TotalSeconds, Territory(territory));

    public void ReportAccepted(string territory, string kind, string channel) =>
        reports.Add(1, Territory(territory), new("kind", kind), new("channel", channel));

    public void AlertRaised(string territory, string kind) => alerts.Add(1, Territory(territory), new("kind", kind));

    /// <param name="outcome"><c>sent</c>, <c>failed</c> (for good) or <c>ended</c> (the subscription ended by its channel).</param>
    public void Delivered(string territory, string channel, string outcome) =>
        deliveries.Add(1, Territory(territory), new("channel", channel), new("outcome", outcome));

    public void WebhookAnswered(string territory, bool accepted, TimeSpan duration)
    {
        webhookDeliveries.Add(1, Territory(territory), new("outcome", accepted ? "accepted" : "failed"));
        webhookDuration.Record(duration.TotalSeconds, Territory(territory));
    }

    private static KeyValuePair<string, object?> Territory(string territory) => new("territory", territory);
}
