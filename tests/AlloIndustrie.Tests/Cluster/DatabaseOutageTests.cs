using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AlloIndustrie.Tests.Processes;
using Xunit;

namespace AlloIndustrie.Tests.Cluster;

/// <summary>PostgreSQL stops under a running service, then comes back.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private const string Territory = "le-havre-seine";
    private const string Site = "plateforme-gonfreville";
    private readonly PrivatePostgres postgres = new();
    private RunningService service = null!;

    public async Task InitializeAsync()
    {
        await postgres.Start();
        service = new RunningService(new Dictionary<string, string>
        {
            ["Allo__Storage__Provider"] = "PostgreSql",
            ["Allo__Storage__ConnectionString"] = postgres.ConnectionString + ";Timeout=3;Command Timeout=5",
        });
        await service.Start();
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        postgres.Dispose();
    }

    [Fact]
    public async Task Reads_go_on_with_their_confirmation_time_writes_get_503_and_all_recovers_when_the_database_returns()
    {
        using var client = service.Operator(Territory, Site);
        var before = await Publish(client, "Torchage avant la panne");
        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        var beforeId = (await before.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        await postgres.Stop();

        // Within a few probes the node knows the database is gone; the list is still served, marked.
        await Eventually(async () =>
        {
            var read = await service.Http.GetAsync($"api/v1/territories/{Territory}/notices");
            return read.StatusCode == HttpStatusCode.OK && read.Headers.Contains("X-Last-Confirmed-At")
                && (await read.Content.ReadFromJsonAsync<JsonArray>())!.Any(n => n!["id"]!.GetValue<string>() == beforeId);
        }, TimeSpan.FromSeconds(60));
        var page = await service.Http.GetStringAsync(Territory);
        Assert.Contains("data-degraded", page);
        Assert.Contains(beforeId, page);
        Assert.Contains("data-degraded", await service.Http.GetStringAsync($"{Territory}/signalements"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await service.Http.GetAsync("healthz")).StatusCode);

        var refused = await Publish(client, "Pendant la panne");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.StartsWith("Service momentanément indisponible", problem["title"]!.GetValue<string>());

        await postgres.Start();

        HttpResponseMessage? after = null;
        await Eventually(async () => (after = await Publish(client, "Après la panne")).StatusCode == HttpStatusCode.Created, TimeSpan.FromSeconds(90));
        var afterId = (await after!.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await Eventually(async () => !(await service.Http.GetAsync($"api/v1/territories/{Territory}/notices")).Headers.Contains("X-Last-Confirmed-At"), TimeSpan.FromSeconds(30));

        var listed = (await service.Http.GetFromJsonAsync<JsonArray>($"api/v1/territories/{Territory}/notices"))!
            .Select(n => n!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("Torchage avant la panne", listed);
        Assert.Contains("Après la panne", listed);
        Assert.DoesNotContain("Pendant la panne", listed);
        Assert.Equal(HttpStatusCode.OK, (await service.Http.GetAsync($"api/v1/notices/{afterId}")).StatusCode);
        Assert.DoesNotContain("data-degraded", await service.Http.GetStringAsync(Territory));
        Assert.DoesNotContain("data-degraded", await service.Http.GetStringAsync($"{Territory}/signalements"));
    }

    private static Task<HttpResponseMessage> Publish(HttpClient client, string title) =>
        client.PostAsJsonAsync($"api/v1/territories/{Territory}/sites/{Site}/notices", new
        {
            eventType = "flare",
            title,
            message = "Une flamme est visible au-dessus de la plateforme.",
        });

    private Task Eventually(Func<Task<bool>> condition, TimeSpan patience) =>
        Polling.Eventually("the service to reach the expected state", patience, condition, () => service.Logs);
}
