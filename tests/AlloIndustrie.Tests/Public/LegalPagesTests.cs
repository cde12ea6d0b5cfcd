using System.Text.RegularExpressions;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Residents;
using AlloIndustrie.WebFront.Residents.Http;
using AlloIndustrie.WebFront.Residents.Legal;
using AlloIndustrie.WebFront.Residents.Legal.Pages;
using AlloIndustrie.WebFront.Residents.Localization;
using AlloIndustrie.WebFront.Residents.Pages;
using AlloIndustrie.WebFront.Residents.Reports.Pages;
using Xunit;

namespace AlloIndustrie.Tests.Public;

/// <summary>The footer of the public pages and the pages it leads to, rendered as the web front renders them.</summary>
public sealed partial class LegalPagesTests
{
    private static readonly PageRenderer Renderer = TestPages.CreateRenderer();

    private static readonly TerritoryLegal Settings = new()
    {
        Publisher = "Métropole Rouen Normandie\n108 allée François Mitterrand, 76006 Rouen\nDirecteur de la publication : le président",
        Host = "Hébergeur Exemple SAS\n1 rue de l’Exemple, 75000 Paris\n01 23 45 67 89",
        AccessibilityContact = "accessibilite@rouen.example.fr",
        PrivacyContact = "https://rouen.example.fr/dpo",
        Conformity = AccessibilityConformity.Partial,
    };

    [Fact]
    public async Task Every_public_page_but_the_widget_ends_with_the_footer_to_the_territorys_pages()
    {
        var view = SampleNotices.View(SampleNotices.Notice()) with { Profile = SampleNotices.Territory() with { Legal = Settings } };
        var notice = view.Notices[0];
        var pages = new Dictionary<string, string>
        {
            ["territory"] = await Renderer.Render<TerritoryPage>(page => page.Set(p => p.Ctx, Context("/rouen-metropole")).Set(p => p.View, view)),
            ["notice"] = await Renderer.Render<NoticePage>(page => page.Set(p => p.Ctx, Context("/rouen-metropole/notices/n1")).Set(p => p.Territory, view.Profile).Set(p => p.N, notice)),
            ["site"] = await Renderer.Render<SitePage>(page => page.Set(p => p.Ctx, Context("/rouen-metropole/sites/raffinerie")).Set(p => p.View, view).Set(p => p.Site, view.Sites[0])),
            ["reports"] = await Renderer.Render<ReportCountsPage>(page => page.Set(p => p.Ctx, Context("/rouen-metropole/signalements")).Set(p => p.View, view).Set(p => p.Counts, [])),
            ["not found"] = await Renderer.NotFound(Context("/rouen-metropole/notices/x"), view.Profile),
            ["accessibility"] = await Legal<AccessibilityPage>(view.Profile),
        };

        foreach (var (name, html) in pages)
        {
            var footer = Footer().Match(html);
            Assert.True(footer.Success, $"{name}: no footer");
            var links = Links().Matches(footer.Value).Select(m => (m.Groups["href"].Value, m.Groups["text"].Value)).ToArray();
            Assert.Equal(
                [
                    ("/tableau-de-bord/connexion", "Espace exploitants"),
                    ("/rouen-metropole/accessibilite", "Accessibilité&#xA0;: partiellement conforme"),
                    ("/rouen-metropole/donnees-personnelles", "Données personnelles"),
                    ("/rouen-metropole/mentions-legales", "Mentions légales"),
                ],
                links);
        }

        var widget = await Renderer.Render<WidgetPage>(page => page.Set(p => p.Ctx, Context("/rouen-metropole/widget")).Set(p => p.View, view));
        Assert.DoesNotContain("<footer", widget);

        var english = await Renderer.Render<TerritoryPage>(page => page.Set(p => p.Ctx, Context("/rouen-metropole", Texts.English)).Set(p => p.View, view));
        Assert.Contains("<a href=\"/rouen-metropole/accessibilite?lang=en\">Accessibility: partially compliant</a>", english);
        Assert.Contains(">Operators’ area</a>", english);

        var home = await Renderer.Render<HomePage>(page => page.Set(p => p.Ctx, Context("/")).Set(p => p.Territories, [view.Profile]));
        Assert.Contains("<a href=\"/mentions-legales\">Mentions légales</a>", home);
    }

    [Fact]
    public async Task The_legal_pages_say_what_the_territorys_settings_say()
    {
        var profile = SampleNotices.Territory("+33805760001") with { Legal = Settings };

        var notice = await Legal<LegalNoticePage>(profile);
        // Line breaks kept (the page shows them with white-space: pre-line), as the encoder writes them.
        Assert.Contains("<p class=\"lines\" data-publisher>Métropole Rouen Normandie&#xA;108 allée François Mitterrand, 76006 Rouen&#xA;Directeur de la publication : le président</p>", notice);
        Assert.Contains("<p class=\"lines\" data-host>Hébergeur Exemple SAS&#xA;", notice);

        var accessibility = await Legal<AccessibilityPage>(profile);
        Assert.Contains("Métropole Rouen Normandie s’engage à rendre ce service accessible", accessibility);
        Assert.Contains("Le site public de Rouen Métropole est partiellement conforme avec le référentiel général", accessibility);
        Assert.DoesNotContain("Aucun audit", accessibility);
        Assert.Contains("<a href=\"mailto:accessibilite@rouen.example.fr\">accessibilite@rouen.example.fr</a>", accessibility);
        Assert.Contains("Défenseur des droits", accessibility);
        Assert.Contains("0 805 76 00 01", accessibility);

        var privacy = await Legal<PrivacyPage>(profile);
        Assert.Contains("<a href=\"https://rouen.example.fr/dpo\">https://rouen.example.fr/dpo</a>", privacy);
        Assert.Contains("L’éditeur du service : Métropole Rouen Normandie.".ToLowerInvariant(), WebDecoded(privacy).ToLowerInvariant());
    }

    [Fact]
    public async Task Left_empty_the_settings_give_defaults_and_the_retention_the_code_applies()
    {
        var profile = SampleNotices.Territory();

        var notice = await Legal<LegalNoticePage>(profile);
        Assert.Contains("<p class=\"lines\" data-publisher>Rouen Métropole</p>", notice);
        Assert.Contains("L’éditeur n’a pas encore indiqué l’hébergeur", notice);
        var hosted = await Legal<LegalNoticePage>(profile, new PublicSiteOptions { LegalHost = "Hébergeur du déploiement" });
        Assert.Contains("<p class=\"lines\" data-host>Hébergeur du déploiement</p>", hosted);

        var accessibility = await Legal<AccessibilityPage>(profile);
        Assert.Contains("Le site public de Rouen Métropole est non conforme avec le référentiel général", accessibility);
        Assert.Contains("Aucun audit de conformité n’a encore été réalisé", accessibility);
        Assert.Contains("<a href=\"/rouen-metropole/mentions-legales\">l’éditeur du service (voir les mentions légales)</a>", accessibility);

        var privacy = WebDecoded(await Legal<PrivacyPage>(profile));
        Assert.Contains("gardés 30 minutes", privacy);
        Assert.Contains("restent 24 heures", privacy);
        Assert.Contains("effacée 30 jours après son dernier signalement", privacy);
        Assert.Contains("effacé au bout de 24 heures", privacy);

        var english = WebDecoded(await Legal<PrivacyPage>(profile, texts: Texts.English));
        Assert.Contains("kept for 30 minutes", english);
        Assert.Contains("deleted 30 days after its last report", english);
        Assert.DoesNotContain("jours", english);
    }

    [Fact]
    public async Task Without_a_territory_the_pages_lead_to_each_territorys_own()
    {
        var html = await Renderer.Render<LegalNoticePage>(page => page
            .Set(p => p.Ctx, Context("/mentions-legales"))
            .Set(p => p.View, new LegalView(null, [SampleNotices.Territory()], null)));

        Assert.Contains("<a href=\"/rouen-metropole/mentions-legales\">Rouen Métropole</a>", html);
        Assert.Contains("<a href=\"/accessibilite\">Accessibilité&#xA0;: non conforme</a>", html);
    }

    [Fact]
    public async Task A_publisher_written_as_markup_is_shown_as_text()
    {
        var profile = SampleNotices.Territory() with { Legal = new TerritoryLegal { Publisher = "<script>alert(1)</script>", AccessibilityContact = "\"><script>alert(2)</script>@x" } };

        foreach (var html in new[] { await Legal<LegalNoticePage>(profile), await Legal<AccessibilityPage>(profile) })
        {
            Assert.DoesNotContain("<script>alert", html);
        }
    }

    private static Task<string> Legal<TPage>(TerritoryProfile profile, PublicSiteOptions? options = null, Texts? texts = null)
        where TPage : class, Microsoft.AspNetCore.Components.IComponent, ILegalPage =>
        Renderer.Render<TPage>(page => page
            .Set(p => p.Ctx, Context($"/{profile.Slug}/page", texts))
            .Set(p => p.View, new LegalView(profile, [], (options ?? new PublicSiteOptions()).LegalHost)));

    private static string WebDecoded(string html) => System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", ""));

    private static PageContext Context(string path, Texts? texts = null) => new(texts ?? Texts.French, SampleNotices.Now, path, new PublicSiteOptions());

    [GeneratedRegex("<footer class=\"foot\">.*?</footer>", RegexOptions.Singleline)]
    private static partial Regex Footer();

    [GeneratedRegex("<a href=\"(?<href>[^\"]*)\">(?<text>[^<]*)</a>")]
    private static partial Regex Links();
}
