using AlloIndustrie.WebFront.Dashboard.Security;
using Xunit;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>After signing in, only the signed-in tools are reachable through a return address.</summary>
public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/tableau-de-bord/sites/rouen-metropole/depot-rouen-port")]
    [InlineData("/simulator")]
    [InlineData("/simulator?territoire=rouen")]
    [InlineData("/orleans/")]
    public void Signed_in_tools_are_kept(string returnUrl) => Assert.Equal(returnUrl, ReturnUrls.Safe(returnUrl));

    [Theory]
    [InlineData(null)]
    [InlineData("https://ailleurs.example/tableau-de-bord")]
    [InlineData("//ailleurs.example/simulator")]
    [InlineData("/\\ailleurs.example")]
    [InlineData("/simulatorx")]
    [InlineData("/rouen-metropole")]
    [InlineData("/tableau-de-bord//ailleurs.example")]
    [InlineData("/tableau-de-bord/\u0001")]
    [InlineData("/simulator?x=\u0007")]
    [InlineData("/tableau-de-bord/\t/ailleurs.example")]
    public void Anything_else_leads_to_the_dashboard_home(string? returnUrl) =>
        Assert.Equal("/tableau-de-bord", ReturnUrls.Safe(returnUrl));
}
