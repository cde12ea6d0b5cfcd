using System.Net;
using Xunit;
using static AlloIndustrie.Tests.Dashboard.DashboardChecks;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>Where the dashboard counts in words, one is singular: "1 notice visible", never "1 notices" nor "notice(s)".</summary>
[Collection(DashboardCollection.Name)]
public sealed class CountWordsTests(DashboardFixture fixture)
{
    private const string Territory = "compte-au-singulier";
    private const string Site = "site-du-compte";

    [Fact]
    public async Task The_home_page_counts_one_visible_notice_in_the_singular_and_two_in_the_plural()
    {
        var admin = await fixture.Session(Role.SuperAdmin);
        Assert.Equal(HttpStatusCode.OK, (await admin.Post("/tableau-de-bord/administration?handler=Territory", new() { ["slug"] = Territory, ["name"] = "Compte au singulier" })).StatusCode);
        var site = await admin.Post($"/tableau-de-bord/territoires/{Territory}/site", new()
        {
            ["NewSlug"] = Site,
            ["Form.Name"] = "Site du compte",
            ["Form.Company"] = "Entreprise du compte",
            ["Form.Address"] = "1 rue du Compte",
            ["Form.Latitude"] = "49.4",
            ["Form.Longitude"] = "1.05",
            ["Form.Communes"] = "Rouen",
        });
        Assert.True(site.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"site: {(int)site.StatusCode}");

        await Publish(admin, "Première notice du compte");
        var one = Caption(await admin.Html("/tableau-de-bord"));
        Assert.Equal("1 notice visible actuellement", one);

        await Publish(admin, "Deuxième notice du compte");
        Assert.Equal("2 notices visibles actuellement", Caption(await admin.Html("/tableau-de-bord")));
    }

    private async Task Publish(DashboardSession admin, string title)
    {
        var published = await admin.Post($"/tableau-de-bord/sites/{Territory}/{Site}/publier?handler=Publish", PublishForm(title));
        Assert.True(published.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"publish: {(int)published.StatusCode}");
        await Polling.Eventually($"{title} to be public", TimeSpan.FromSeconds(10),
            async () => (await PublicNotices(fixture.Service, Territory)).Any(n => n!["title"]!.GetValue<string>() == title));
    }

    private static string Caption(string home)
    {
        var section = home[home.IndexOf($"data-live-territory=\"{Territory}\"", StringComparison.Ordinal)..];
        var caption = System.Text.RegularExpressions.Regex.Match(section, "<caption>(?<text>[^<]*)</caption>");
        Assert.True(caption.Success, "no table of current notices");
        return WebUtility.HtmlDecode(caption.Groups["text"].Value);
    }
}
