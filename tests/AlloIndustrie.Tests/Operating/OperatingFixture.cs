using AlloIndustrie.Tests.Processes;
using AlloIndustrie.Tests.Telephony;
using Xunit;

namespace AlloIndustrie.Tests.Operating;

/// <summary>
/// The service as production runs it: JSON logs with their scopes at the most verbose level every library offers,
/// kept whole, a Prometheus scrape endpoint on each process's own port, and a Twilio account (the stand-in), so that
/// SMS and calls to subscribers go through the logged HTTP pipeline too.
/// </summary>
public sealed class OperatingFixture : IAsyncLifetime
{
    public RunningService Service { get; private set; } = null!;

    public TwilioStandIn Twilio { get; private set; } = null!;

    public int SiloMetricsPort { get; } = RunningService.FreePort();

    public int WebMetricsPort { get; } = RunningService.FreePort();

    /// <summary>Every line both processes wrote so far.</summary>
    public async Task<string> AllLogs()
    {
        var silo = await File.ReadAllTextAsync(Service.LogFile("silo 0"));
        var web = await File.ReadAllTextAsync(Service.LogFile("web front 0"));
        return silo + "\n" + web;
    }

    public async Task InitializeAsync()
    {
        Twilio = await TwilioStandIn.Start();
        var settings = Twilio.Environment();
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__LogLevel__Microsoft"] = "Trace",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Trace",
            ["Logging__LogLevel__Orleans"] = "Trace",
            ["Logging__LogLevel__Polly"] = "Trace",
        })
        {
            settings[key] = value;
        }

        Service = new RunningService(
            settings,
            siloSettings: new Dictionary<int, IReadOnlyDictionary<string, string>>
            {
                [0] = new Dictionary<string, string> { ["Allo__Metrics__Port"] = SiloMetricsPort.ToString() },
            },
            webFrontSettings: new Dictionary<int, IReadOnlyDictionary<string, string>>
            {
                [0] = new Dictionary<string, string> { ["Allo__Metrics__Port"] = WebMetricsPort.ToString() },
            },
            keepLogs: true);
        await Service.Start();
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Twilio.DisposeAsync();
    }
}
