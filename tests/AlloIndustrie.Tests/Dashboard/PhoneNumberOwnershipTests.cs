using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;
using static AlloIndustrie.Tests.Dashboard.DashboardChecks;
using static AlloIndustrie.Tests.Dashboard.DashboardFixture;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>A phone number belongs to one territory: another territory's administrator cannot take its calls.</summary>
[Collection(DashboardCollection.Name)]
public sealed class PhoneNumberOwnershipTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Taking_another_territorys_number_is_refused_and_audited_in_both_trails()
    {
        var havreNumber = Numbers(await Territories(), Havre)[0];
        var rouenBefore = Numbers(await Territories(), Rouen);

        var territoryAdmin = await fixture.Session(Role.TerritoryAdmin);
        var response = await territoryAdmin.Post($"/tableau-de-bord/territoires/{Rouen}", new()
        {
            ["name"] = "Rouen Métropole",
            ["phoneNumbers"] = string.Join('\n', rouenBefore.Append(" 08 05 76 00 02 ")),
            ["greeting"] = "Bienvenue sur AlloIndustrie.",
            ["retentionDays"] = "9",
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("appartient déjà à un autre territoire", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(rouenBefore, Numbers(await Territories(), Rouen));
        Assert.Equal(havreNumber, Numbers(await Territories(), Havre)[0]);

        var admin = await fixture.Session(Role.SuperAdmin);
        Assert.True(await Audited(admin, Rouen, fixture.TerritoryAdmin.Email, "territoire.configurer", refused: true));
        Assert.True(await Audited(admin, Havre, fixture.TerritoryAdmin.Email, "territoire.numero", refused: true));
    }

    private async Task<JsonArray> Territories() => (await fixture.Service.Http.GetFromJsonAsync<JsonArray>("api/v1/territories"))!;

    private static string[] Numbers(JsonArray territories, string slug) =>
        [.. territories.Single(t => t!["slug"]!.GetValue<string>() == slug)!["phoneNumbers"]!.AsArray().Select(n => n!.GetValue<string>())];
}
