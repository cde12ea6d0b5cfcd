using AlloIndustrie.Grains.Interfaces.Reports;
using AlloIndustrie.Grains.Interfaces.Territories;

namespace AlloIndustrie.WebFront.Residents.Reports.Alerts;

/// <summary>
/// Keeps this node subscribed to every territory's alerts: the grains forget observers not renewed within a
/// few minutes, and territories appear at any time.
/// </summary>
public sealed class ReportAlertSubscriptions(IGrainFactory grains, ReportAlertRelay relay, TimeProvider clock, ILogger<ReportAlertSubscriptions> logger) : BackgroundService
{
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reference = grains.CreateObjectReference<IReportAlertObserver>(relay);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Renewal;
            try
            {
                var territories = await grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).List();
                await Task.WhenAll(territories.Select(t => grains.GetGrain<IReportAlertsGrain>(t.Slug).Subscribe(reference)));
                if (territories.IsEmpty)
                {
                    wait = Retry;
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Could not subscribe to the territories' report alerts; retrying in {Delay}", Retry);
                wait = Retry;
            }

            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
