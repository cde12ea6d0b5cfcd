using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace AlloIndustrie.Grains.Reports;

public sealed class ReportAlertsGrain(
    [PersistentState("reportAlerts", StorageNames.Grains)] IPersistentState<ReportAlertsState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<ReportAlertsGrain> logger) : Grain, IReportAlertsGrain
{
    private static readonly TimeSpan Keep = PersonalDataRetention.ReportAlerts;

    // Web nodes renew every 30 s (TerritoryObservers.RenewalPeriod); one that stopped renewing is dropped after this.
    private readonly ObserverManager<IReportAlertObserver> observers = new(TimeSpan.FromMinutes(3), logger);

    public async Task Save(ReportAlert alert)
    {
        // An acknowledgement made meanwhile is never undone by a cluster that had not heard of it yet.
        var saved = state.State.Alerts.TryGetValue(alert.Id, out var known) && known.Acknowledged
            ? alert with { AcknowledgedBy = known.AcknowledgedBy, AcknowledgedAt = known.AcknowledgedAt }
            : alert;
        state.State.Alerts[alert.Id] = saved;
        var now = clock.GetUtcNow();
        foreach (var old in state.State.Alerts.Values.Where(a => a.LastReportAt < now - Keep).Select(a => a.Id).ToList())
        {
            state.State.Alerts.Remove(old);
        }

        await state.WriteStateAsync();
        await observers.Notify(o => o.AlertChanged(saved));
    }

    public Task<ImmutableArray<ReportAlert>> List() =>
        Task.FromResult<ImmutableArray<ReportAlert>>([.. state.State.Alerts.Values.OrderByDescending(a => a.RaisedAt)]);

    public Task<ReportAlert?> Get(string alertId) => Task.FromResult(state.State.Alerts.GetValueOrDefault(alertId));

    public async Task<ReportAlert?> Acknowledge(string alertId, string by)
    {
        if (!state.State.Alerts.TryGetValue(alertId, out var alert))
        {
            return null;
        }

        if (alert.Acknowledged)
        {
            return alert;
        }

        var acknowledged = alert with { AcknowledgedBy = by, AcknowledgedAt = clock.GetUtcNow() };
        state.State.Alerts[alertId] = acknowledged;
        await state.WriteStateAsync();
        await observers.Notify(o => o.AlertChanged(acknowledged));
        return acknowledged;
    }

    public Task Subscribe(IReportAlertObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IReportAlertObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}
