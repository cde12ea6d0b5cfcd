using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AlloIndustrie.Bench.LoadClient;

/// <summary>Publishes and withdraws notices through the operators' API, round-robin over a territory's sites.</summary>
public sealed class Operator(HttpClient http, string territory, DemoCredentials credentials)
{
    private readonly IReadOnlyList<(string Site, string Key)> sites = credentials.SitesOf(territory);
    private int next;

    /// <summary>Publishes a notice whose title is <paramref name="marker"/>.</summary>
    public async Task<PublishedNotice> Publish(string marker, string? message = null)
    {
        var (site, key) = sites[next++ % sites.Count];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/territories/{territory}/sites/{site}/notices")
        {
            Content = JsonContent.Create(new
            {
                eventType = "flare",
                nuisances = new[] { "light", "noise" },
                title = marker,
                message = message ?? "Une flamme est visible au-dessus du site. Aucune action n’est nécessaire de la part des riverains.",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var sentAt = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return new PublishedNotice(body.RootElement.GetProperty("id").GetString()!, key, sentAt);
    }

    /// <summary>Takes a benchmark notice down, so that the public page keeps the same notices from one scenario to the next.</summary>
    public async Task Withdraw(PublishedNotice notice)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/notices/{notice.Id}/withdraw")
        {
            Content = JsonContent.Create(new { reason = "Notice de test de charge." }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", notice.Key);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
