using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using AlloIndustrie.Grains.Interfaces.Reports;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Tests.Public;
using AlloIndustrie.WebFront.Residents;
using AlloIndustrie.WebFront.Residents.Http;
using AlloIndustrie.WebFront.Residents.Localization;
using AlloIndustrie.WebFront.Residents.Pages;
using Xunit;

namespace AlloIndustrie.Tests.Reports;

/// <summary>The heat map's text on the territory page: per commune with a centre, never finer, and what map.js reads.</summary>
public sealed partial class ReportHeatListTests
{
    private static readonly PageRenderer Renderer = TestPages.CreateRenderer();

    private static readonly ImmutableArray<CommuneCentre> Centres =
    [
        new("Rouen", 49.443, 1.099),
        new("Canteleu", 49.441, 1.026),
        new("<b>Sotteville</b>", 49.41, 1.09),
    ];

    [Fact]
    public async Task Each_commune_with_a_centre_is_one_line_with_its_counts_by_kind_largest_first()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        string html;
        try
        {
            html = await Render(
                new CommuneReportCount("Canteleu", "noise", 1),
                new CommuneReportCount("Rouen", "odour", 2),
                new CommuneReportCount("Rouen", "smoke", 1),
                new CommuneReportCount("Sans-Centre", "light", 7),
                new CommuneReportCount(null, "odour", 9),
                new CommuneReportCount("<b>Sotteville</b>", "other", 1));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        // Coordinates are written invariantly whatever the server's culture, for the script to read.
        Assert.Equal(
            [
                ("Rouen", "49.443", "1.099", "3", "Rouen : 3 signalements (odeur 2, fumée 1)"),
                ("&lt;b&gt;Sotteville&lt;/b&gt;", "49.41", "1.09", "1", "&lt;b&gt;Sotteville&lt;/b&gt; : 1 signalement (autre 1)"),
                ("Canteleu", "49.441", "1.026", "1", "Canteleu : 1 signalement (bruit 1)"),
            ],
            Lines().Matches(html).Select(m => (m.Groups["commune"].Value, m.Groups["lat"].Value, m.Groups["lon"].Value, m.Groups["count"].Value, m.Groups["text"].Value)));

        // A commune without a centre, and the phone's reports, are in the full table only.
        Assert.DoesNotContain("Sans-Centre", html);
        Assert.Contains("href=\"/rouen-metropole/signalements\"", html);
        Assert.DoesNotContain("<b>Sotteville", html);
    }

    [Fact]
    public async Task Without_reports_in_a_commune_with_a_centre_the_page_says_so()
    {
        var html = await Render(new CommuneReportCount("Sans-Centre", "odour", 3));

        Assert.Empty(Lines().Matches(html));
        Assert.Contains("Aucun signalement situé sur la carte ces dernières 24 heures.", html);
    }

    private static Task<string> Render(params CommuneReportCount[] counts)
    {
        var view = SampleNotices.View();
        return Renderer.Render<TerritoryPage>(page => page.Set(p => p.Ctx, new PageContext(Texts.French, SampleNotices.Now, "/rouen-metropole", new PublicSiteOptions())).Set(p => p.View, view with { Profile = view.Profile with { CommuneCentres = Centres } }).Set(p => p.Heat, counts.ToImmutableArray()));
    }


    [GeneratedRegex("<li data-report-heat data-lat=\"(?<lat>[^\"]*)\" data-lon=\"(?<lon>[^\"]*)\" data-commune=\"(?<commune>[^\"]*)\" data-count=\"(?<count>[^\"]*)\">(?<text>[^<]*)</li>")]
    private static partial Regex Lines();
}
