using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AlloIndustrie.Tests.Processes;
using Xunit;

namespace AlloIndustrie.Tests.Resilience;

/// <summary>Crashes of the real processes on the embedded default (SQLite) lose nothing that was acknowledged.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task After_SIGKILL_of_both_processes_every_notice_is_back_and_an_expiry_passed_meanwhile_is_honoured()
    {
        await using var service = new RunningService();
        await service.Start();
        using (var client = service.Operator("le-havre-seine", "terminal-methanier"))
        {
            var kept = await Publish(client, new { eventType = "steam", title = "Panache de vapeur", message = "Un panache de vapeur d’eau est visible." });
            var brief = await Publish(client, new { eventType = "noise", title = "Essai bref", message = "Bruit bref.", retention = "PT10S" });
            var expiresAt = brief["expiresAt"]!.GetValue<DateTimeOffset>();

            service.KillAll();

            // The outage outlasts the short notice: it must not come back on any public read.
            var remaining = expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining);
            }

            await service.Start();
            var read = await service.Http.GetAsync($"api/v1/notices/{kept["id"]}");
            Assert.True(read.StatusCode == HttpStatusCode.OK, service.Logs);
            Assert.Equal("Panache de vapeur", (await read.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());

            Assert.Equal(HttpStatusCode.NotFound, (await service.Http.GetAsync($"api/v1/notices/{brief["id"]}")).StatusCode);
            var listed = await service.Http.GetFromJsonAsync<JsonArray>("api/v1/territories/le-havre-seine/notices");
            Assert.Contains(listed!, n => n!["id"]!.GetValue<string>() == kept["id"]!.GetValue<string>());
            Assert.DoesNotContain(listed!, n => n!["id"]!.GetValue<string>() == brief["id"]!.GetValue<string>());
        }

        // The keys and the demo survived too: the restarted service takes writes with the same key.
        using var again = service.Operator("le-havre-seine", "terminal-methanier");
        await Publish(again, new { eventType = "other", title = "Après redémarrage", message = "Tout fonctionne." });
    }

    [Fact]
    public async Task SIGTERM_stops_both_processes_cleanly()
    {
        await using var service = new RunningService();
        await service.Start();
        Assert.True(service.TerminateAll(TimeSpan.FromSeconds(30)), service.Logs);
    }

    private static async Task<JsonObject> Publish(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("api/v1/territories/le-havre-seine/sites/terminal-methanier/notices", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
