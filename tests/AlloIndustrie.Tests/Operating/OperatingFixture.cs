using AlloIndustrie.Tests.Processes;
using AlloIndustrie.Tests.Telephony;
using Xunit;

namespace AlloIndustrie.Tests.Operating;

/// <summary>
/// The service as production runs it: JSON logs with their scopes at the most verbose level every library offers,
/// kept whole, a Prometheus scrape endpoint on each process's own port, traces sent to an OTLP collector (the stand-in),
/// and a Twilio account (the stand-in), so that SMS and calls to subscribers go through the logged HTTP pipeline too.
/// </summary>
public sealed partial class OperatingFixture : IAsyncLifetime
{
    public RunningService Service { get; private set; } = null!;

    public TwilioStandIn Twilio { get; private set; } = null!;

    public OtlpCollectorStandIn Collector { get; private set; } = null!;

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
        Collector = await OtlpCollectorStandIn.Start();
        var settings = Twilio.Environment();
        foreach (var (key, value) in Collector.Environment())
        {
            settings[key] = value;
        }

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
        await Collector.DisposeAsync();
    }

    /// <summary>
    /// A number typed on the subscription page as French people write it, without script (the wait, then the code
    /// page), confirmed with the code its SMS brought: the code and the path of the manage link the confirmation
    /// page shows, for the tests that look for them.
    /// </summary>
    public async Task<(string Code, string ManagePath)> SubscribeBySms(HttpClient resident, string territory, string typed, string number)
    {
        var form = new Dictionary<string, string> { ["phone"] = typed, ["lang"] = "fr" };
        var wait = await (await resident.PostAsync($"{territory}/abonnement", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        form["challenge"] = Challenge().Match(wait).Groups[1].Value;
        var codePage = await resident.PostAsync($"{territory}/abonnement", new FormUrlEncodedContent(form));
        Assert.Equal(System.Net.HttpStatusCode.OK, codePage.StatusCode);
        var id = CodeForm().Match(await codePage.Content.ReadAsStringAsync()).Groups[1].Value;
        var sms = (await Twilio.WaitFor(1, m => m.To == number && m.Body.Contains("code", StringComparison.Ordinal))).Last();
        var code = Code().Match(sms.Body).Value;
        var confirmed = await resident.PostAsync($"abonnement/code/{id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code }));
        Assert.Equal(System.Net.HttpStatusCode.OK, confirmed.StatusCode);
        var manage = ManageLink().Match(await confirmed.Content.ReadAsStringAsync());
        Assert.True(manage.Success, "The confirmation page shows no manage link.");
        return (code, manage.Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"challenge\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex Challenge();

    [System.Text.RegularExpressions.GeneratedRegex("action=\"/abonnement/code/([0-9a-f]{32})\"")]
    private static partial System.Text.RegularExpressions.Regex CodeForm();

    [System.Text.RegularExpressions.GeneratedRegex("/abonnement/gerer/[A-Za-z0-9_-]+")]
    private static partial System.Text.RegularExpressions.Regex ManageLink();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b[0-9]{6}\b")]
    private static partial System.Text.RegularExpressions.Regex Code();
}
