using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AlloIndustrie.Tests.Cluster;
using AlloIndustrie.Tests.Dashboard;
using AlloIndustrie.Tests.Processes;
using AlloIndustrie.Tests.Storage;
using Xunit;

namespace AlloIndustrie.Tests.Upgrades;

/// <summary>
/// A rolling upgrade in the documented order, on one PostgreSQL database: first a silo of the previous release beside
/// a silo of this one, with the previous release's web front (silos are upgraded first); then, with only new silos,
/// the previous release's web front beside this one's. Writes go through both web fronts (the API, the dashboard's
/// forms), browsers of each see the other's changes live, then the old web front stops and the new nodes serve
/// everything that was acknowledged, unchanged.
/// </summary>
public sealed class MixedVersionClusterTests : IAsyncLifetime
{
    private const string Territory = "rouen-metropole";
    private const string Site = "depot-rouen-port";
    private const int Old = 0;
    private const int New = 1;
    private const string OperatorEmail = "operatrice.mise-a-jour@test.example";
    private static readonly TimeSpan LivePatience = TimeSpan.FromSeconds(30);
    private readonly PostgresDatabase database = new();
    private RunningService service = null!;

    public async Task InitializeAsync()
    {
        var previous = await PreviousRelease.Root();
        await database.InitializeAsync();
        service = new RunningService(
            new Dictionary<string, string>
            {
                ["Allo__Storage__Provider"] = "PostgreSql",
                ["Allo__Storage__ConnectionString"] = database.ConnectionString,
            },
            silos: 2,
            webFronts: 2,
            releases: new Dictionary<string, string> { [$"silo {Old}"] = previous, [$"web front {Old}"] = previous });

        // Half-way through the silos: one old, one new, and the web fronts still old.
        await service.Start(process => process != $"web front {New}");
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Writes_through_old_and_new_nodes_all_survive_the_upgrade()
    {
        using var oldApi = service.Operator(Territory, Site, Old);
        var first = await Publish(oldApi, "Publiée pendant la mise à jour des silos");
        var admin = service.Credentials.TerritoryAdmins.First(a => a.Territory == Territory);
        using var oldDashboard = await DashboardSession.SignIn(service.WebFrontAddress(Old), admin.Email, admin.Password);
        var centres = Centres(await oldDashboard.Html($"/tableau-de-bord/territoires/{Territory}"));
        Assert.NotEmpty(centres);

        // The old web front's whole forms, whichever silo holds the grains.
        await Redirected(oldDashboard.Post($"/tableau-de-bord/territoires/{Territory}", Settings("Métropole (ancien frontal)", freeToCall: "non"), $"/tableau-de-bord/territoires/{Territory}"));
        await Redirected(oldDashboard.Post($"/tableau-de-bord/territoires/{Territory}/site/{Site}", SiteForm("12 quai du Port (ancien frontal)"), $"/tableau-de-bord/territoires/{Territory}/site/{Site}"));
        await Redirected(oldDashboard.Post($"/tableau-de-bord/notices/{first}?handler=Update", new() { ["message"] = "Point de situation du tableau de bord de l’ancien frontal." }, $"/tableau-de-bord/notices/{first}"));
        var created = await oldDashboard.Post($"/tableau-de-bord/territoires/{Territory}/comptes?handler=Create",
            new() { ["email"] = OperatorEmail, ["displayName"] = "Opératrice d’avant", ["sites"] = Site }, $"/tableau-de-bord/territoires/{Territory}/comptes");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var password = DashboardChecks.Secret(await created.Content.ReadAsStringAsync(), "mot-de-passe");

        // The silos are upgraded; then the web fronts, one old and one new side by side.
        Assert.True(service.TerminateSilo(Old, TimeSpan.FromSeconds(60)), service.Logs);
        await service.Start(process => process == $"web front {New}");
        using var newApi = service.Operator(Territory, Site, New);
        await using var oldBrowser = await NoticeWatcher.Watch(service.WebFrontAddress(Old), Territory);
        await using var newBrowser = await NoticeWatcher.Watch(service.WebFrontAddress(New), Territory);

        var second = await Publish(newApi, "Publiée pendant la mise à jour des frontaux");
        await oldBrowser.WaitFor(second, "active", LivePatience);
        await Succeeds(newApi.PostAsJsonAsync($"api/v1/notices/{first}/updates", new { message = "Point de situation par le nouveau frontal." }));
        await Succeeds(oldApi.PostAsJsonAsync($"api/v1/notices/{second}/end", new { message = "Fin annoncée par l’ancien frontal." }));
        await newBrowser.WaitFor(second, "ended", LivePatience);

        // Each web front's dashboard saves a different field: neither erases the other's, nor what the old form lacks.
        using var newDashboard = await DashboardSession.SignIn(service.WebFrontAddress(New), admin.Email, admin.Password);
        await Redirected(newDashboard.Post($"/tableau-de-bord/territoires/{Territory}", Settings("Métropole (ancien frontal)", freeToCall: "non", host: "Hébergeur de la Métropole"), $"/tableau-de-bord/territoires/{Territory}"));
        await Redirected(oldDashboard.Post($"/tableau-de-bord/territoires/{Territory}", Settings("Métropole (renommée par l’ancien frontal)", freeToCall: "non", host: "Hébergeur de la Métropole"), $"/tableau-de-bord/territoires/{Territory}"));
        using (var operatorSession = await DashboardSession.SignIn(service.WebFrontAddress(New), OperatorEmail, password))
        {
            var renaming = await operatorSession.Post("/tableau-de-bord/compte?handler=Name", new() { ["displayName"] = "Opératrice d’après" }, "/tableau-de-bord/compte");
            Assert.Contains("Nom enregistré.", WebUtility.HtmlDecode(await renaming.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // Upgrade complete: the previous release's web front leaves too.
        Assert.True(service.TerminateWebFront(Old, TimeSpan.FromSeconds(30)), service.Logs);

        using var reader = service.Client(New);
        var firstNow = (await reader.GetFromJsonAsync<JsonObject>($"api/v1/notices/{first}"))!;
        Assert.Equal(("active", 3), (firstNow["status"]!.GetValue<string>(), firstNow["version"]!.GetValue<int>()));
        var secondNow = (await reader.GetFromJsonAsync<JsonObject>($"api/v1/notices/{second}"))!;
        Assert.Equal(("ended", 2), (secondNow["status"]!.GetValue<string>(), secondNow["version"]!.GetValue<int>()));
        var listed = (await reader.GetFromJsonAsync<JsonArray>($"api/v1/territories/{Territory}/notices"))!.Select(n => n!["id"]!.GetValue<string>());
        Assert.Superset(new HashSet<string> { first, second }, listed.ToHashSet());
        Assert.Contains(first, await reader.GetStringAsync(Territory), StringComparison.Ordinal);

        var territories = (await reader.GetFromJsonAsync<JsonArray>("api/v1/territories"))!;
        Assert.Equal("Métropole (renommée par l’ancien frontal)", territories.Single(t => t!["slug"]!.GetValue<string>() == Territory)!["name"]!.GetValue<string>());
        var sites = (await reader.GetFromJsonAsync<JsonArray>($"api/v1/territories/{Territory}/sites"))!;
        Assert.Equal("12 quai du Port (ancien frontal)", sites.Single(s => s!["slug"]!.GetValue<string>() == Site)!["address"]!.GetValue<string>());

        // The commune centres, which no form above sent, and the host and free call the old form sent back unchanged.
        var page = await newDashboard.Html($"/tableau-de-bord/territoires/{Territory}");
        Assert.Equal(centres, Centres(page));
        Assert.Contains(">Hébergeur de la Métropole</textarea>", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("<option value=\"non\" selected>", page, StringComparison.Ordinal);

        using var renamed = await DashboardSession.SignIn(service.WebFrontAddress(New), OperatorEmail, password);
        Assert.Contains("Bonjour Opératrice d’après", WebUtility.HtmlDecode(await renamed.Html("/tableau-de-bord")), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Settings(string name, string freeToCall, string host = "") => new()
    {
        ["name"] = name,
        ["phoneNumbers"] = "+33805760001",
        ["greeting"] = "Bienvenue sur la ligne de la Métropole.",
        ["retentionDays"] = "9",
        ["freeToCall"] = freeToCall,
        ["publisher"] = "Métropole Rouen Normandie",
        ["host"] = host,
        ["accessibilityContact"] = "",
        ["privacyContact"] = "",
        ["conformity"] = "NonCompliant",
    };

    private static Dictionary<string, string> SiteForm(string address) => new()
    {
        ["Form.Name"] = "Dépôt du port de Rouen",
        ["Form.Company"] = "Dépôts Pétroliers de la Seine",
        ["Form.Address"] = address,
        ["Form.Latitude"] = "49.45",
        ["Form.Longitude"] = "1.06",
        ["Form.Communes"] = "Rouen\nCanteleu\nDéville-lès-Rouen",
    };

    /// <summary>The commune centres' inputs of the territory's dashboard page.</summary>
    private static List<string> Centres(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "name=\"(?:latitudes|longitudes)\" value=\"([^\"]*)\"").Select(m => m.Groups[1].Value)];

    private static async Task<string> Publish(HttpClient client, string title)
    {
        var response = await client.PostAsJsonAsync($"api/v1/territories/{Territory}/sites/{Site}/notices", new
        {
            eventType = "odour",
            title,
            message = "Une odeur peut être perçue près du port pendant un transfert.",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private async Task Redirected(Task<HttpResponseMessage> post)
    {
        var response = await post;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}\n{service.Logs}");
    }

    private static async Task Succeeds(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
