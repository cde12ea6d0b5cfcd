using System.Net;
using AlloIndustrie.Grains.Interfaces.Voice;
using Xunit;
using static AlloIndustrie.Tests.Dashboard.DashboardFixture;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>The territory's pronunciation lexicon on its settings page: the form's limits are the lexicon's own.</summary>
[Collection(DashboardCollection.Name)]
public sealed class PronunciationLexiconTests(DashboardFixture fixture)
{
    private const string Page = $"/tableau-de-bord/territoires/{Third}";

    [Fact]
    public async Task A_word_longer_than_the_lexicon_takes_is_refused_in_french_and_one_that_fits_is_kept()
    {
        var admin = await fixture.Session(Role.SuperAdmin);
        Assert.Contains($"name=\"written\" required maxlength=\"{PronunciationRules.WrittenMaxLength}\"", await admin.Html(Page));

        var tooLong = "Petit-Couronne-" + new string('x', PronunciationRules.WrittenMaxLength - 14);
        var refused = await admin.Post($"{Page}?handler=LexiconSet", new() { ["written"] = tooLong, ["spoken"] = "petit couronne" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(
            $"Indiquez le mot écrit ({PronunciationRules.WrittenMaxLength} caractères au plus)",
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.DoesNotContain(tooLong, await admin.Html(Page));

        var fits = tooLong[..PronunciationRules.WrittenMaxLength];
        var kept = await admin.Post($"{Page}?handler=LexiconSet", new() { ["written"] = fits, ["spoken"] = "petit couronne" });
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Contains($"<td>{fits}</td>", await admin.Html(Page));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.Post($"{Page}?handler=LexiconRemove", new() { ["written"] = fits })).StatusCode);
        Assert.DoesNotContain(fits, await admin.Html(Page));
    }
}
