using AlloIndustrie.WebFront.Api;
using AlloIndustrie.WebFront.Dashboard;
using AlloIndustrie.WebFront.Residents;
using AlloIndustrie.WebFront.Residents.Reports;
using AlloIndustrie.WebFront.Residents.Subscriptions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace AlloIndustrie.UnitTests.Configuration;

/// <summary>The web front's settings as its own wiring binds them: every key reaches the option it names.</summary>
public sealed class WebFrontSettingsTests
{
    [Fact]
    public void The_residents_settings_are_read_from_their_keys_blank_ones_unset()
    {
        using var services = Wire(new()
        {
            ["Allo:Map:TileUrl"] = " https://{s}.tile.example.org/{z}/{x}/{y}.png ",
            ["Allo:Map:Attribution"] = "  ",
            ["Allo:Widget:FrameAncestors"] = "https://mairie.example.fr",
            ["Allo:Cap:CircleRadiusKm"] = "2.5",
            ["Allo:Legal:Host"] = "Hébergeur SAS\n1 rue du Port, 76000 Rouen\n",
            ["Allo:Reports:PerClientPerHour"] = "4",
            ["Allo:Subscriptions:ChallengesPerClientPerHour"] = "7",
        });

        var site = services.GetRequiredService<PublicSiteOptions>();
        Assert.Equal("https://{s}.tile.example.org/{z}/{x}/{y}.png", site.MapTileUrl);
        Assert.Equal("https://*.tile.example.org", site.MapTileOrigin());
        Assert.Null(site.MapAttribution);
        Assert.Equal("https://mairie.example.fr", site.WidgetFrameAncestors);
        Assert.Equal(2.5, site.CapCircleRadiusKm);
        Assert.Equal("Hébergeur SAS\n1 rue du Port, 76000 Rouen", site.LegalHost);
        var reports = services.GetRequiredService<IOptions<ReportSettings>>().Value;
        Assert.Equal((4, 30), (reports.PerClientPerHour, reports.ChallengesPerClientPerHour));
        var signUps = services.GetRequiredService<IOptionsMonitor<ReportSettings>>().Get(SubscriptionLimits.OptionsName);
        Assert.Equal((10, 7), (signUps.PerClientPerHour, signUps.ChallengesPerClientPerHour));
    }

    [Fact]
    public void Without_settings_the_defaults_hold()
    {
        using var services = Wire([]);

        var site = services.GetRequiredService<PublicSiteOptions>();
        Assert.Null(site.MapTileUrl);
        Assert.Equal("*", site.WidgetFrameAncestors);
        Assert.Equal(5, site.CapCircleRadiusKm);
        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        Assert.Equal((5, TimeSpan.FromMinutes(15)), (identity.Lockout.MaxFailedAccessAttempts, identity.Lockout.DefaultLockoutTimeSpan));
        Assert.Equal(CookieSecurePolicy.SameAsRequest, services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.SecurePolicy);
    }

    [Fact]
    public void The_dashboard_settings_reach_the_lockout_the_session_and_every_cookie()
    {
        using var services = Wire(new()
        {
            ["Allo:Dashboard:MaxFailedAccessAttempts"] = "3",
            ["Allo:Dashboard:LockoutDuration"] = "00:05:00",
            ["Allo:Dashboard:SessionIdleTimeout"] = "02:00:00",
            ["Allo:Dashboard:SecureCookiesOnly"] = "true",
        });

        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        Assert.Equal((3, TimeSpan.FromMinutes(5)), (identity.Lockout.MaxFailedAccessAttempts, identity.Lockout.DefaultLockoutTimeSpan));
        var cookies = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
        var session = cookies.Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(TimeSpan.FromHours(2), session.ExpireTimeSpan);
        Assert.Equal("allo-session", session.Cookie.Name);
        Assert.All(
            [session, cookies.Get(IdentityConstants.TwoFactorUserIdScheme), cookies.Get(IdentityConstants.ExternalScheme)],
            cookie => Assert.Equal(CookieSecurePolicy.Always, cookie.Cookie.SecurePolicy));
        Assert.Equal(CookieSecurePolicy.Always, services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.SecurePolicy);
        Assert.True(services.GetRequiredService<DashboardOptions>().SecureCookiesOnly);
    }

    [Fact]
    public void A_rate_of_zero_is_refused_naming_its_key()
    {
        using var services = Wire(new() { ["Allo:Api:RefusedKeysPerAddressPerMinute"] = "0" });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ApiOptions>>().Value);
        Assert.StartsWith("Configuration Allo:Api:RefusedKeysPerAddressPerMinute : ", Assert.Single(refused.Failures), StringComparison.Ordinal);
    }

    private static ServiceProvider Wire(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddAlloResidents().AddAlloDashboard().AddAlloApi();
        return builder.Services.BuildServiceProvider();
    }
}
