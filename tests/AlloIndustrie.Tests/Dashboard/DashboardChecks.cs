using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlloIndustrie.Tests.Processes;
using Xunit;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>What the dashboard tests check again and again: refusals, audit entries, notices through the public API.</summary>
public static class DashboardChecks
{
    public static void AssertRefused(HttpResponseMessage response)
    {
        Assert.True(
            response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/tableau-de-bord/refus") == true,
            $"Expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    public static void AssertAccepted(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.True(
            response.StatusCode == HttpStatusCode.OK
                || (response.StatusCode == HttpStatusCode.Redirect && !location.Contains("/refus") && !location.Contains("/connexion")),
            $"Expected success, got {(int)response.StatusCode} {location}");
    }

    /// <summary>Whether the audit trail of <paramref name="scope"/> (read by the super administrator) has the entry.</summary>
    public static async Task<bool> Audited(DashboardSession superAdmin, string scope, string actor, string action, bool refused)
    {
        var html = WebUtility.HtmlDecode(await superAdmin.Html($"/tableau-de-bord/journal/{scope}"));
        return html.Contains($"data-actor=\"{actor}\" data-action=\"{action}\" data-refused=\"{(refused ? "true" : "false")}\"", StringComparison.Ordinal);
    }

    public static async Task<string> PublishWithKey(RunningService service, string territory, string site, string title)
    {
        using var client = service.Operator(territory, site);
        var response = await client.PostAsJsonAsync($"api/v1/territories/{territory}/sites/{site}/notices", new
        {
            eventType = "odour",
            nuisances = new[] { "odour" },
            title,
            message = "Une odeur peut être perçue près du site. Elle est sans danger.",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    public static async Task<JsonArray> PublicNotices(RunningService service, string territory) =>
        (await service.Http.GetFromJsonAsync<JsonArray>($"api/v1/territories/{territory}/notices"))!;

    /// <summary>The notice's version as the public API shows it, or null once it is gone from the public channels.</summary>
    public static async Task<int?> PublicVersion(RunningService service, string id)
    {
        var response = await service.Http.GetAsync($"api/v1/notices/{id}");
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : (await response.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<int>();
    }

    /// <summary>A fresh operator of the Rouen refinery, created by the territory's administrator.</summary>
    public static async Task<(string Email, string Password)> NewOperator(DashboardFixture fixture)
    {
        var email = $"op-{Guid.NewGuid():N}@test.example";
        var territoryAdmin = await fixture.Session(Role.TerritoryAdmin);
        var created = await territoryAdmin.Post($"/tableau-de-bord/territoires/{DashboardFixture.Rouen}/comptes?handler=Create",
            new() { ["email"] = email, ["displayName"] = "Opérateur de test", ["sites"] = DashboardFixture.Refinery });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        return (email, Secret(await created.Content.ReadAsStringAsync(), "mot-de-passe"));
    }

    /// <summary>A secret the page shows once, in <c>&lt;code id="{id}"&gt;</c>.</summary>
    public static string Secret(string html, string id)
    {
        var match = Regex.Match(html, $"id=\"{id}\">([^<]+)</code>");
        Assert.True(match.Success, $"No #{id} in the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static Dictionary<string, string> PublishForm(string title) => new()
    {
        ["Form.EventType"] = "flare",
        ["Form.Nuisances"] = "light",
        ["Form.Title"] = title,
        ["Form.Message"] = "Une flamme est visible au-dessus du site.",
        ["Form.Start"] = "now",
    };
}
