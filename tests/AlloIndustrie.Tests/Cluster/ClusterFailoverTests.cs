using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AlloIndustrie.Tests.Processes;
using AlloIndustrie.Tests.Storage;
using Xunit;

namespace AlloIndustrie.Tests.Cluster;

/// <summary>Two silos and two web fronts as separate processes on one PostgreSQL database.</summary>
public sealed class ClusterFailoverTests : IAsyncLifetime
{
    private const string Territory = "rouen-metropole";
    private readonly PostgresDatabase database = new();
    private RunningService service = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        service = new RunningService(
            new Dictionary<string, string>
            {
                ["Allo__Storage__Provider"] = "PostgreSql",
                ["Allo__Storage__ConnectionString"] = database.ConnectionString,
            },
            silos: 2,
            webFronts: 2);
        await service.Start();
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_notice_published_on_one_front_reaches_a_client_of_the_other_and_its_expiry_survives_a_silo_crash()
    {
        await using var watcher = await NoticeWatcher.Watch(service.WebFrontAddress(1), Territory);
        using var frontA = service.Operator(Territory, "depot-rouen-port", webFront: 0);
        var kept = await Publish(frontA, "Odeur d’hydrocarbures", retention: null);
        var brief = await Publish(frontA, "Essai de sirène", retention: "PT30S");

        await watcher.WaitFor(kept, "active", TimeSpan.FromSeconds(20));
        await watcher.WaitFor(brief, "active", TimeSpan.FromSeconds(20));

        service.KillSilo(0);

        // Whichever silo held them, the notice and its territory come back on the survivor, from the database.
        using var frontB = service.Client(1);
        await Eventually(async () => (await frontB.GetAsync($"api/v1/notices/{kept}")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(90));
        await Eventually(async () =>
        {
            var listed = await frontB.GetAsync($"api/v1/territories/{Territory}/notices");
            return listed.IsSuccessStatusCode
                && (await listed.Content.ReadFromJsonAsync<JsonArray>())!.Any(n => n!["id"]!.GetValue<string>() == kept);
        }, TimeSpan.FromSeconds(90));

        // The expiry was pending when the silo died: the survivor's reminder service fires it and says so.
        await watcher.WaitFor(brief, "expired", TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.NotFound, (await frontB.GetAsync($"api/v1/notices/{brief}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await frontB.GetAsync($"api/v1/notices/{kept}")).StatusCode);
    }

    [Fact]
    public async Task A_rolling_restart_of_the_silos_and_a_web_front_loses_nothing()
    {
        using var frontA = service.Operator(Territory, "depot-rouen-port", webFront: 0);
        var published = new List<string> { await Publish(frontA, "Avant le redémarrage", retention: null) };

        // One silo at a time leaves gracefully and comes back; the service takes writes throughout.
        for (var silo = 0; silo < 2; silo++)
        {
            Assert.True(service.TerminateSilo(silo, TimeSpan.FromSeconds(60)), service.Logs);
            string? id = null;
            await Eventually(async () => (id = await TryPublish(frontA, $"Pendant l’arrêt du silo {silo}")) is not null, TimeSpan.FromSeconds(60));
            published.Add(id!);
            await service.Start();
        }

        Assert.True(service.TerminateWebFront(1, TimeSpan.FromSeconds(30)), service.Logs);
        published.Add(await Publish(frontA, "Pendant l’arrêt d’un frontal", retention: null));
        await service.Start();

        using var frontB = service.Client(1);
        var listed = (await frontB.GetFromJsonAsync<JsonArray>($"api/v1/territories/{Territory}/notices"))!
            .Select(n => n!["id"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(published.ToHashSet(), listed);
    }

    private static async Task<string> Publish(HttpClient client, string title, string? retention)
    {
        var response = await client.PostAsJsonAsync($"api/v1/territories/{Territory}/sites/depot-rouen-port/notices", new
        {
            eventType = "odour",
            title,
            message = "Une odeur peut être perçue près du port pendant un transfert.",
            retention,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static async Task<string?> TryPublish(HttpClient client, string title)
    {
        var response = await client.PostAsJsonAsync($"api/v1/territories/{Territory}/sites/depot-rouen-port/notices", new
        {
            eventType = "odour",
            title,
            message = "Une odeur peut être perçue près du port pendant un transfert.",
        });
        return response.StatusCode == HttpStatusCode.Created
            ? (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>()
            : null;
    }

    private Task Eventually(Func<Task<bool>> condition, TimeSpan patience) =>
        Polling.Eventually("the cluster to recover", patience, condition, () => service.Logs, transient: e => e is HttpRequestException);
}
