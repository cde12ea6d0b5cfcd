using System.Net;
using Xunit;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>Orleans' own dashboard is for signed-in super administrators only.</summary>
[Collection(DashboardCollection.Name)]
public sealed class OrleansDashboardTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Anonymous_readers_are_sent_to_the_login_page()
    {
        using var anonymous = new DashboardSession(fixture.Service.BaseAddress);
        var response = await anonymous.Get("/orleans");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/tableau-de-bord/connexion", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(Role.Operator)]
    [InlineData(Role.TerritoryAdmin)]
    [InlineData(Role.Authority)]
    public async Task Other_roles_are_refused(Role role)
    {
        var session = await fixture.Session(role);
        var response = await session.Get("/orleans");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/tableau-de-bord/refus", response.Headers.Location?.OriginalString ?? "");
    }

    [Fact]
    public async Task A_super_administrator_sees_the_cluster()
    {
        var session = await fixture.Session(Role.SuperAdmin);
        var response = await session.Get("/orleans");
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently)
        {
            // Only the dashboard's own canonical redirect, never the login page.
            Assert.StartsWith("/orleans", response.Headers.Location!.OriginalString);
            response = await session.Get(response.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Orleans", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
