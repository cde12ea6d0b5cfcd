using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AlloIndustrie.Tests.Processes;
using Xunit;

namespace AlloIndustrie.Tests.Public;

/// <summary>Publishes and changes notices through the operators' API, as a site's own system would.</summary>
public sealed class PublicSiteClient(RunningService service)
{
    public const string Territory = "le-havre-seine";
    public const string Site = "plateforme-gonfreville";

    /// <summary>Long enough that its synthesis takes a few seconds: pages show the notice well before its audio.</summary>
    public static readonly string LongMessage = string.Join(' ', Enumerable.Repeat("Une flamme haute est visible au-dessus de la plateforme et un grondement s’entend jusqu’aux communes voisines.", 16));

    public async Task<string> Publish(string title, string? retention = null, bool exercise = false, string site = Site, string? message = null)
    {
        using var client = service.Operator(Territory, site);
        var response = await client.PostAsJsonAsync($"api/v1/territories/{Territory}/sites/{site}/notices", new
        {
            eventType = "flare",
            nuisances = new[] { "light", "noise" },
            title,
            message = message ?? "Une flamme est visible au-dessus de la plateforme.",
            instructions = "Aucune action n’est nécessaire.",
            exercise,
            expectedEndAt = DateTimeOffset.UtcNow.AddHours(2).ToString("O"),
            retention,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var notice = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return notice["id"]!.GetValue<string>();
    }

    public Task Update(string id, string message, string site = Site) => Post(site, $"api/v1/notices/{id}/updates", new { message });

    public Task End(string id, string site = Site) => Post(site, $"api/v1/notices/{id}/end", new { message = "Fin du torchage." });

    public Task Withdraw(string id, string site = Site) => Post(site, $"api/v1/notices/{id}/withdraw", new { reason = "Publiée par erreur." });

    private async Task Post(string site, string path, object body)
    {
        using var client = service.Operator(Territory, site);
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
