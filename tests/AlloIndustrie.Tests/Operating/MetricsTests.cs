using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AlloIndustrie.Tests.Processes;
using Xunit;

namespace AlloIndustrie.Tests.Operating;

/// <summary>Prometheus scrapes both real processes on their own ports, and the project's metrics follow what happens.</summary>
[Collection(OperatingCollection.Name)]
public sealed class MetricsTests(OperatingFixture fixture)
{
    private const string Territory = "le-havre-seine";
    private const string Label = $"territory=\"{Territory}\"";

    [Fact]
    public async Task Publishing_a_notice_moves_the_silos_and_the_web_fronts_metrics()
    {
        var published = await Value(fixture.SiloMetricsPort, "allo_notices_published_total", Label);
        var relayed = await Value(fixture.WebMetricsPort, "allo_live_changes_total", Label);
        var writes = await Value(fixture.SiloMetricsPort, "orleans_storage_write_latency_milliseconds_count", "state_name=\"notice\"");

        using var client = fixture.Service.Operator(Territory, "terminal-methanier");
        var response = await client.PostAsJsonAsync($"api/v1/territories/{Territory}/sites/terminal-methanier/notices", new
        {
            eventType = "steam",
            nuisances = new[] { "smoke" },
            title = "Panache de vapeur",
            message = "Un panache blanc de vapeur d’eau est visible au-dessus du terminal.",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        // The exporters read the meters at each scrape; the web node hears of the change a moment after the silo.
        var seen = "";
        await Polling.Eventually("the metrics to move", TimeSpan.FromSeconds(30), async () =>
        {
            var now = (Published: await Value(fixture.SiloMetricsPort, "allo_notices_published_total", Label),
                Relayed: await Value(fixture.WebMetricsPort, "allo_live_changes_total", Label),
                Writes: await Value(fixture.SiloMetricsPort, "orleans_storage_write_latency_milliseconds_count", "state_name=\"notice\""));
            seen = $"published {published} → {now.Published}, relayed {relayed} → {now.Relayed}, notice writes {writes} → {now.Writes}";
            return now.Published == published + 1 && now.Relayed > relayed && now.Writes > writes;
        }, () => seen);

        var web = await Scrape(fixture.WebMetricsPort);
        Assert.Contains(web, line => line.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && line.Contains("http_route=\"/api/v1/territories/{territory}/sites/{site}/notices\"", StringComparison.Ordinal));
        var silo = await Scrape(fixture.SiloMetricsPort);
        Assert.Contains(silo, line => line.StartsWith("dotnet_gc_collections_total", StringComparison.Ordinal));
        Assert.Contains(silo, line => line.StartsWith("orleans_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_notice_sent_to_a_subscriber_counts_as_a_delivery_of_its_channel()
    {
        const string rouen = "rouen-metropole", number = "+33612345699";
        const string sms = $"territory=\"{rouen}\"";
        using var resident = new HttpClient { BaseAddress = fixture.Service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await fixture.SubscribeBySms(resident, rouen, "06 12 34 56 99", number);
        var before = await Value(fixture.SiloMetricsPort, "allo_subscriptions_deliveries_total", sms);

        var title = $"Torchage compté {Guid.NewGuid():N}"[..26];
        using var client = fixture.Service.Operator(rouen, "raffinerie-petit-couronne");
        var response = await client.PostAsJsonAsync($"api/v1/territories/{rouen}/sites/raffinerie-petit-couronne/notices", new
        {
            eventType = "flare",
            nuisances = new[] { "light" },
            title,
            message = "Une flamme est visible au-dessus de la raffinerie.",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await fixture.Twilio.WaitFor(1, m => m.To == number && m.Body.Contains(title, StringComparison.Ordinal));

        var seen = 0.0;
        await Polling.Eventually("the SMS counted as sent", TimeSpan.FromSeconds(30), async () =>
            (seen = await Value(fixture.SiloMetricsPort, "allo_subscriptions_deliveries_total", sms)) >= before + 1, () => $"{before} → {seen}");
        Assert.Contains(await Scrape(fixture.SiloMetricsPort), line => line.StartsWith("allo_subscriptions_deliveries_total{", StringComparison.Ordinal)
            && line.Contains("channel=\"sms\"", StringComparison.Ordinal) && line.Contains("outcome=\"sent\"", StringComparison.Ordinal) && line.Contains(sms, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_scrape_endpoint_is_not_on_the_public_routes()
    {
        var response = await fixture.Service.Http.GetAsync("metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<List<string>> Scrape(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var text = await http.GetStringAsync($"http://localhost:{port}/metrics");
        return [.. text.Split('\n').Where(line => line.Length > 0 && !line.StartsWith('#'))];
    }

    /// <summary>The sum of a metric's series whose labels include <paramref name="label"/>; 0 before its first measurement.</summary>
    private static async Task<double> Value(int port, string metric, string label) =>
        (await Scrape(port))
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) && line[..line.LastIndexOf('}')].Contains(label, StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
}
