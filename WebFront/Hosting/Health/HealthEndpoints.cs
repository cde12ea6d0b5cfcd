namespace AlloIndustrie.WebFront.Hosting.Health;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>/healthz</c>: 200 only when a real read from grain storage went through the cluster in time (the
    /// contract's readiness) and the node has rendered its public pages once (<see cref="StartupWarmUp"/>);
    /// <c>/livez</c>: 200 as long as the process serves requests, for restarts.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", async (StorageHealth storage, StartupWarmUp warmUp, ILoggerFactory loggers, CancellationToken aborted) =>
        {
            try
            {
                await storage.Probe(aborted);
                return warmUp.Done ? Results.Text("ok") : Results.Text("démarrage", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            catch (Exception e) when (e is not OperationCanceledException || !aborted.IsCancellationRequested)
            {
                loggers.CreateLogger("Health").LogWarning(e, "Health probe failed");
                return Results.Text("indisponible", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).ExcludeFromDescription();
        routes.MapGet("/livez", () => Results.Text("ok")).ExcludeFromDescription();
        return routes;
    }
}
