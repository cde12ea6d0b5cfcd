using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;
using static AlloIndustrie.Tests.Dashboard.DashboardChecks;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>A territory cannot take a slug the service's own pages use: its page would never be reached.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ReservedSlugTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData("api")]
    [InlineData("abonnement")]
    [InlineData("tableau-de-bord")]
    [InlineData("mentions-legales")]
    [InlineData("accessibilite")]
    [InlineData("healthz")]
    public async Task A_slug_taken_by_a_route_of_the_service_is_refused_in_French_and_creates_nothing(string slug)
    {
        var admin = await fixture.Session(Role.SuperAdmin);
        var response = await admin.Post("/tableau-de-bord/administration?handler=Territory", new() { ["slug"] = slug, ["name"] = "Territoire masqué" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("est une adresse du service", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var territories = (await fixture.Service.Http.GetFromJsonAsync<JsonArray>("api/v1/territories"))!;
        Assert.DoesNotContain(territories, t => t!["slug"]!.GetValue<string>() == slug);
    }
}
