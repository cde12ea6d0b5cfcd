using AlloIndustrie.Grains.Interfaces.Health;

namespace AlloIndustrie.WebFront.Health;

public static class HealthEndpoints
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary><c>/healthz</c>: 200 only when a real read from grain storage went through the cluster in time.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", async (IGrainFactory grains, ILoggerFactory loggers, CancellationToken aborted) =>
        {
            try
            {
                await grains.GetGrain<IStorageProbeGrain>("healthz").Probe().WaitAsync(ProbeTimeout, aborted);
                return Results.Text("ok");
            }
            catch (Exception e) when (e is not OperationCanceledException || !aborted.IsCancellationRequested)
            {
                loggers.CreateLogger("Health").LogWarning(e, "Health probe failed");
                return Results.Text("indisponible", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).ExcludeFromDescription();
        return routes;
    }
}
