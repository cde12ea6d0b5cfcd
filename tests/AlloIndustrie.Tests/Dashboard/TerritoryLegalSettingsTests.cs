using System.Net;
using Xunit;
using static AlloIndustrie.Tests.Dashboard.DashboardFixture;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>
/// The texts of a territory's legal pages and its "appel gratuit" are the territory's settings: set on its
/// administration page, shown on its public pages, refused when they could not be shown.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class TerritoryLegalSettingsTests(DashboardFixture fixture)
{
    private const string Number = "+33805769999";

    [Fact]
    public async Task The_settings_form_shows_the_defaults_then_its_texts_reach_the_public_pages()
    {
        var admin = await fixture.Session(Role.SuperAdmin);
        var form = WebUtility.HtmlDecode(await admin.Html($"/tableau-de-bord/territoires/{Third}"));
        Assert.Contains("placeholder=\"Vallée de test\"", form);
        Assert.Contains("Selon le numéro (les 0800 à 0805 sont gratuits)", form);

        var saved = await admin.Post($"/tableau-de-bord/territoires/{Third}", Settings(freeToCall: "non", publisher: "  Syndicat de la vallée\nDirection : la présidente  "));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await Public($"/{Third}/mentions-legales", html => html.Contains("data-publisher>Syndicat de la vallée&#xA;Direction : la présidente</p>", StringComparison.Ordinal));
        await Public($"/{Third}/accessibilite", html => html.Contains("est partiellement conforme avec", StringComparison.Ordinal)
            && html.Contains("<a href=\"mailto:a11y@vallee.example.fr\">", StringComparison.Ordinal));
        await Public($"/{Third}/donnees-personnelles?lang=en", html => html.Contains("<a href=\"https://vallee.example.fr/dpo\">", StringComparison.Ordinal));

        // A free number the territory says is not free (a paying line behind it) no longer says "appel gratuit"...
        await Public($"/{Third}", html => html.Contains("0 805 76 99 99</a>", StringComparison.Ordinal) && !html.Contains("appel gratuit", StringComparison.Ordinal)
            && html.Contains("Accessibilité&#xA0;: partiellement conforme", StringComparison.Ordinal));

        // ...and left unset, the numbering plan says it again.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Post($"/tableau-de-bord/territoires/{Third}", Settings(freeToCall: ""))).StatusCode);
        await Public($"/{Third}", html => html.Contains("0 805 76 99 99</a>", StringComparison.Ordinal) && html.Contains("(appel gratuit)", StringComparison.Ordinal));

        var again = WebUtility.HtmlDecode(await admin.Html($"/tableau-de-bord/territoires/{Third}"));
        Assert.Contains("<option value=\"Partial\" selected>partiellement conforme</option>", again);
        Assert.Contains(">Syndicat de la vallée</textarea>", again);
    }

    [Fact]
    public async Task A_legal_text_that_could_not_be_shown_is_refused_and_changes_nothing()
    {
        var admin = await fixture.Session(Role.SuperAdmin);
        var before = Publisher(await admin.Html($"/tableau-de-bord/territoires/{Third}"));

        var control = await admin.Post($"/tableau-de-bord/territoires/{Third}", Settings(freeToCall: "", publisher: "Éditeur\u0001"));
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        Assert.Contains("L’éditeur contient un caractère invisible ou de contrôle interdit (U+0001)", WebUtility.HtmlDecode(await control.Content.ReadAsStringAsync()));

        var tooLong = await admin.Post($"/tableau-de-bord/territoires/{Third}", Settings(freeToCall: "", publisher: new string('a', 1001)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("L’éditeur ne doit pas dépasser 1000 caractères.", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()));

        var unknown = await admin.Post($"/tableau-de-bord/territoires/{Third}", Settings(freeToCall: "peut-être"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        Assert.Equal(before, Publisher(await admin.Html($"/tableau-de-bord/territoires/{Third}")));
    }

    private static string Publisher(string form)
    {
        var field = System.Text.RegularExpressions.Regex.Match(form, "<textarea id=\"t-publisher\"[^>]*>(?<text>[^<]*)</textarea>");
        Assert.True(field.Success, "no publisher field on the settings form");
        return field.Groups["text"].Value;
    }

    private static Dictionary<string, string> Settings(string freeToCall, string publisher = "Syndicat de la vallée") => new()
    {
        ["name"] = "Vallée de test",
        ["phoneNumbers"] = Number,
        ["greeting"] = "Bienvenue sur la ligne de la vallée.",
        ["retentionDays"] = "9",
        ["freeToCall"] = freeToCall,
        ["publisher"] = publisher,
        ["host"] = "Hébergeur de la vallée",
        ["accessibilityContact"] = "a11y@vallee.example.fr",
        ["privacyContact"] = "https://vallee.example.fr/dpo",
        ["conformity"] = "Partial",
    };

    /// <summary>Public pages are kept up to 30 s by each web node: the change shows within that time.</summary>
    private async Task Public(string path, Func<string, bool> shows) =>
        await Polling.Eventually($"{path} to show the new settings", TimeSpan.FromSeconds(45), async () => shows(await fixture.Service.Http.GetStringAsync(path.TrimStart('/'))));
}
