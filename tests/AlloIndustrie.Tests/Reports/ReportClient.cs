using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace AlloIndustrie.Tests.Reports;

/// <summary>What the page's script does, from a test: ask for a challenge, solve it, send the report.</summary>
public static class ReportClient
{
    public static async Task<(string Token, string Nonce)> Solve(HttpClient client, string territory)
    {
        var response = await client.PostAsync($"api/v1/territories/{territory}/reports/challenge", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var challenge = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var token = challenge["token"]!.GetValue<string>();
        return (token, Proofs.Solve(token, challenge["bits"]!.GetValue<int>()));
    }

    public static async Task<HttpResponseMessage> Send(HttpClient client, string territory, object body) =>
        await client.PostAsJsonAsync($"api/v1/territories/{territory}/reports", body);

    public static async Task<HttpResponseMessage> Report(HttpClient client, string territory, string kind, string commune, string? text = null)
    {
        var (token, nonce) = await Solve(client, territory);
        return await Send(client, territory, new { kind, commune, text, challenge = token, nonce });
    }

    public static async Task<string> Publish(Processes.RunningService service, string territory, string site, string eventType, string[] nuisances, string title)
    {
        using var client = service.Operator(territory, site);
        var response = await client.PostAsJsonAsync($"api/v1/territories/{territory}/sites/{site}/notices", new
        {
            eventType,
            nuisances,
            title,
            message = "Message aux riverains : aucune action n’est nécessaire.",
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }
}
