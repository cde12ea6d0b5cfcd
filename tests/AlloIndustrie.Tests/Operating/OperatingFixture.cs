using AlloIndustrie.Tests.Processes;
using Xunit;

namespace AlloIndustrie.Tests.Operating;

/// <summary>
/// The service as production runs it: JSON logs with their scopes at the most verbose level every library offers,
/// kept whole, and a Prometheus scrape endpoint on each process's own port.
/// </summary>
public sealed class OperatingFixture : IAsyncLifetime
{
    public OperatingFixture()
    {
        SiloMetricsPort = RunningService.FreePort();
        WebMetricsPort = RunningService.FreePort();
        Service = new RunningService(
            new Dictionary<string, string>
            {
                ["Logging__Console__FormatterName"] = "json",
                ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
                ["Logging__LogLevel__Default"] = "Trace",
                ["Logging__LogLevel__Microsoft"] = "Trace",
                ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Trace",
                ["Logging__LogLevel__Orleans"] = "Trace",
                ["Logging__LogLevel__Polly"] = "Trace",
            },
            siloSettings: new Dictionary<int, IReadOnlyDictionary<string, string>>
            {
                [0] = new Dictionary<string, string> { ["Allo__Metrics__Port"] = SiloMetricsPort.ToString() },
            },
            webFrontSettings: new Dictionary<int, IReadOnlyDictionary<string, string>>
            {
                [0] = new Dictionary<string, string> { ["Allo__Metrics__Port"] = WebMetricsPort.ToString() },
            },
            keepLogs: true);
    }

    public RunningService Service { get; }

    public int SiloMetricsPort { get; }

    public int WebMetricsPort { get; }

    /// <summary>Every line both processes wrote so far.</summary>
    public async Task<string> AllLogs()
    {
        var silo = await File.ReadAllTextAsync(Service.LogFile("silo 0"));
        var web = await File.ReadAllTextAsync(Service.LogFile("web front 0"));
        return silo + "\n" + web;
    }

    public Task InitializeAsync() => Service.Start();

    public async Task DisposeAsync() => await Service.DisposeAsync();
}
