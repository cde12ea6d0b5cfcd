using System.Net;
using System.Text.RegularExpressions;
using Xunit;
using static AlloIndustrie.Tests.Dashboard.DashboardChecks;
using static AlloIndustrie.Tests.Dashboard.DashboardFixture;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>The publish form's audio preview over real HTTP: synthesised by the silo, heard only by whoever may publish for the site.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class AudioPreviewTests(DashboardFixture fixture)
{
    private const string Publish = $"/tableau-de-bord/sites/{Rouen}/{Refinery}/publier";

    [Fact]
    public async Task An_operator_hears_the_draft_before_publishing_and_nobody_outside_the_site_can()
    {
        var title = $"Essai des sirènes {Guid.NewGuid():N}";
        var url = await PreviewAudioUrl(await fixture.Session(Role.Operator), title);

        var audio = await (await fixture.Session(Role.Operator)).Get(url);
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal("audio/mpeg", audio.Content.Headers.ContentType?.MediaType);
        // No cache may keep it. (The session cookie's renewal, at every request, rewrites the endpoint's
        // "private, no-store" into its own "no-cache, no-store": as strict.)
        Assert.True(audio.Headers.CacheControl is { NoStore: true, Public: false, MaxAge: null, SharedMaxAge: null }, $"Cache-Control: {audio.Headers.CacheControl}");
        var mp3 = await audio.Content.ReadAsByteArrayAsync();
        Assert.True(mp3.Length > 1000 && (mp3.AsSpan(0, 3).SequenceEqual("ID3"u8) || (mp3[0] == 0xFF && (mp3[1] & 0xE0) == 0xE0)),
            $"Not an MP3: {mp3.Length} bytes starting {Convert.ToHexString(mp3.AsSpan(0, Math.Min(4, mp3.Length)))}");

        // The territory's administrator may publish for the site, hence hear its drafts.
        Assert.Equal(HttpStatusCode.OK, (await (await fixture.Session(Role.TerritoryAdmin)).Get(url)).StatusCode);

        var havre = fixture.Credentials.Operators.Single(o => o.Territory == Havre);
        using (var otherOperator = await DashboardSession.SignIn(fixture.Service.BaseAddress, havre.Email, havre.Password))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await otherOperator.Get(url)).StatusCode);
        }

        Assert.True(await Audited(await fixture.Session(Role.SuperAdmin), Rouen, havre.Email, "notice.apercu-audio", refused: true));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.Session(Role.Authority)).Get(url)).StatusCode);

        using var anonymous = new DashboardSession(fixture.Service.BaseAddress);
        var refused = await anonymous.Get(url);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/tableau-de-bord/connexion", refused.Headers.Location!.OriginalString);

        // Another preview id, or the same one under another site, is nothing.
        var operatorSession = await fixture.Session(Role.Operator);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorSession.Get(AudioUrl().Replace(url, m => m.Groups[1].Value + new string('0', 32) + ".mp3"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorSession.Get(url.Replace(Refinery, Chemicals))).StatusCode);
    }

    [Fact]
    public async Task When_the_preview_cannot_be_synthesised_in_time_the_form_says_so_and_publishing_still_works()
    {
        var (email, password) = fixture.Login(Role.Operator);
        // That front serves the dashboard over HTTPS only.
        using var session = await DashboardSession.SignIn(fixture.Service.WebFrontAddress(StrictFront), email, password, new TlsProxy("198.51.100.40"));
        var title = $"Torchage sans aperçu {Guid.NewGuid():N}";

        var preview = await session.Post($"{Publish}?handler=Preview", PublishForm(title), tokenFrom: Publish);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains(title, html);
        Assert.DoesNotContain("<audio", html);
        Assert.Contains("L’aperçu audio n’a pas pu être préparé", html);

        var published = await session.Post($"{Publish}?handler=Publish", PublishForm(title), tokenFrom: Publish);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("publiee=true", published.Headers.Location!.OriginalString);
        Assert.Contains(await PublicNotices(fixture.Service, Rouen), n => n!["title"]!.GetValue<string>() == title);
    }

    /// <summary>Previews a valid draft on the publish form and returns the address of its audio.</summary>
    [Fact]
    public async Task An_account_has_a_bounded_number_of_audio_previews_an_hour_and_may_still_publish()
    {
        var (email, password) = await NewOperator(fixture);
        using var session = await DashboardSession.SignIn(fixture.Service.BaseAddress, email, password);
        for (var i = 0; i < AudioPreviewsPerAccountPerHour; i++)
        {
            await PreviewAudioUrl(session, $"Aperçu {i}");
        }

        var refused = await session.Post($"{Publish}?handler=Preview", PublishForm("Aperçu de trop"), tokenFrom: Publish);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.DoesNotMatch(AudioElement(), html);
        Assert.Contains("beaucoup d’aperçus audio en peu de temps", html, StringComparison.Ordinal);

        // Another account is not held back by this one.
        await PreviewAudioUrl(await fixture.Session(Role.Operator), $"Aperçu d’un autre compte {Guid.NewGuid():N}");
        var published = await session.Post($"{Publish}?handler=Publish", PublishForm($"Publiée sans aperçu {Guid.NewGuid():N}"), tokenFrom: Publish);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
    }

    /// <summary>The default of <c>Allo:Dashboard:AudioPreviewsPerAccountPerHour</c>.</summary>
    private const int AudioPreviewsPerAccountPerHour = 20;

    private static async Task<string> PreviewAudioUrl(DashboardSession session, string title)
    {
        var response = await session.Post($"{Publish}?handler=Preview", PublishForm(title), tokenFrom: Publish);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var audio = AudioElement().Match(html);
        Assert.True(audio.Success, $"No <audio> in the preview:\n{html}");
        var url = WebUtility.HtmlDecode(audio.Groups[1].Value);
        Assert.Matches(AudioUrl(), url);
        return url;
    }

    [GeneratedRegex("<audio [^>]*src=\"([^\"]+)\"")]
    private static partial Regex AudioElement();

    [GeneratedRegex($"^(/tableau-de-bord/sites/{Rouen}/{Refinery}/apercu-audio/)[0-9a-f]{{32}}\\.mp3$")]
    private static partial Regex AudioUrl();
}
