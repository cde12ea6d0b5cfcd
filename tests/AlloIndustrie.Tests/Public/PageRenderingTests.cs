using System.Collections.Immutable;
using System.Text.RegularExpressions;
using System.Text;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.WebFront.Residents.Http;
using AlloIndustrie.WebFront.Residents.Localization;
using AlloIndustrie.WebFront.Residents.Pages;
using AlloIndustrie.WebFront.Residents.Reading;
using AlloIndustrie.WebFront.Residents;
using Xunit;

namespace AlloIndustrie.Tests.Public;

public sealed partial class PageRenderingTests
{
    private static readonly PageRenderer Renderer = TestPages.CreateRenderer();

    [Fact]
    public async Task Operator_text_is_shown_as_text_and_never_as_markup()
    {
        var notice = SampleNotices.Notice(title: SampleNotices.Hostile, message: "<img src=x onerror=alert(2)>", updates: [new NoticeUpdate(SampleNotices.Now, "<b>gras</b>")]);

        foreach (var html in new[] { await Territory(SampleNotices.View(notice)), await NoticePage(notice) })
        {
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
            Assert.DoesNotContain("<script>alert(1)", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html);
            Assert.DoesNotContain("<b>gras</b>", html);
            Assert.Empty(InlineScripts().Matches(html));
        }
    }

    [Fact]
    public async Task Each_visible_notice_is_an_article_with_its_id_and_contract_status_active_first_then_newest()
    {
        var ended = SampleNotices.Notice(id: "ended-new", status: NoticeStatus.Ended, startsAt: SampleNotices.Now.AddMinutes(-10));
        var activeOld = SampleNotices.Notice(id: "active-old", startsAt: SampleNotices.Now.AddHours(-5));
        var activeNew = SampleNotices.Notice(id: "active-new", startsAt: SampleNotices.Now.AddHours(-1));
        var expired = SampleNotices.Notice(id: "expired", startsAt: SampleNotices.Now.AddDays(-10));

        var html = await Territory(SampleNotices.View(ended, activeOld, activeNew, expired));

        var articles = Articles().Matches(html).Select(match => (Id: match.Groups["id"].Value, Status: match.Groups["status"].Value)).ToArray();
        Assert.Equal([("active-new", "active"), ("active-old", "active"), ("ended-new", "ended")], articles);
        Assert.Contains("en cours", html);
        Assert.Contains("terminé", html);
        Assert.Contains("2 événements en cours — vérifié à 12:00", html);
        Assert.DoesNotContain("(s)", html);

        var one = await Territory(SampleNotices.View(activeNew));
        Assert.Contains("1 événement en cours — vérifié à 12:00", one);
        Assert.Contains("1 current event — checked at 12:00", await Territory(SampleNotices.View(activeNew), Texts.English));
    }

    [Fact]
    public async Task An_ended_notice_says_when_it_ended_and_no_longer_when_it_was_expected_to()
    {
        var html = await Territory(SampleNotices.View(SampleNotices.Notice(status: NoticeStatus.Ended)));

        Assert.Matches("Terminé le <time datetime=\"[^\"]+\">mardi 14 juillet à 11 h 55</time>", html);
        Assert.DoesNotContain("Fin prévue", html);
    }

    [Fact]
    public async Task A_notice_without_an_expected_end_says_so()
    {
        var html = await Territory(SampleNotices.View(SampleNotices.Notice(withExpectedEnd: false)));

        Assert.Matches(@"<dt>Fin</dt>\s*<dd>fin non précisée</dd>", html);
        Assert.DoesNotContain("Fin prévue", html);
    }

    [Fact]
    public async Task A_nuisance_named_like_the_event_is_one_tag_and_each_card_names_its_communes()
    {
        var html = await Territory(SampleNotices.View(SampleNotices.Notice(eventType: "smoke", nuisances: ["smoke", "odour"])));

        Assert.Single(Regex.Matches(html, @"<li class=""tag[^""]*"">.*?Fumée</li>"));
        Assert.Single(Regex.Matches(html, @"<li class=""tag[^""]*"">.*?Odeur</li>"));
        Assert.Contains("<p class=\"notice__communes\"><span>Perceptible depuis</span>&#xA0;: Petit-Couronne, Grand-Couronne, Le Grand-Quevilly", html);
    }

    [Fact]
    public async Task The_phone_number_reads_as_a_French_number_to_tap_and_says_when_it_is_free()
    {
        var view = SampleNotices.View() with { Profile = SampleNotices.Territory("+33805760001", "02 35 00 00 00") };

        var html = await Territory(view);
        Assert.Matches(@"<a href=""tel:&#x2B;33805760001"">0 805 76 00 01</a>\s*<span class=""phones__free""> \(appel gratuit\)</span>", html);
        Assert.Matches(@"<a href=""tel:&#x2B;33235000000"">02 35 00 00 00</a>\s*</p>", html);
        Assert.Contains("Par téléphone&#xA0;: ", html);

        var english = await Territory(view, Texts.English);
        Assert.Contains("By phone: <a", english);
        Assert.Contains("(free call)", english);
    }

    [Fact]
    public async Task Appel_gratuit_follows_the_territorys_setting_and_the_numbering_plan_only_when_it_says_nothing()
    {
        var free = await Territory(SampleNotices.View() with { Profile = SampleNotices.Territory("02 35 00 00 00") with { FreeToCall = true } });
        Assert.Matches(@"02 35 00 00 00</a>\s*<span class=""phones__free""> \(appel gratuit\)</span>", free);

        var paying = await Territory(SampleNotices.View() with { Profile = SampleNotices.Territory("+33805760001") with { FreeToCall = false } });
        Assert.Contains("0 805 76 00 01</a>", paying);
        Assert.DoesNotContain("appel gratuit", paying);

        var unset = await Territory(SampleNotices.View() with { Profile = SampleNotices.Territory("+33805760001", "+33899000000") });
        Assert.Single(Regex.Matches(unset, "appel gratuit"));
    }

    [Fact]
    public async Task The_widget_shows_the_beginning_of_the_message_says_there_are_instructions_and_opens_links_outside_its_frame()
    {
        var longMessage = string.Join(' ', Enumerable.Repeat("Une flamme est visible au-dessus de la raffinerie.", 10));
        var html = await Renderer.Render<WidgetPage>(page => page.Set(p => p.Ctx, Context(null, "/rouen-metropole/widget")).Set(p => p.View, SampleNotices.View(SampleNotices.Notice(message: longMessage))));

        var beginning = Regex.Match(html, "<p class=\"notice__message\">(?<text>[^<]*)</p>").Groups["text"].Value;
        Assert.StartsWith("Une flamme est visible au-dessus de la raffinerie.", beginning);
        Assert.EndsWith("…", beginning);
        Assert.InRange(beginning.Length, 80, NoticeCard.BeginningLength + 1);
        Assert.Contains("Consignes</strong> — <a href=\"/rouen-metropole/notices/n1\" target=\"_blank\" rel=\"noopener\">à lire dans l’avis complet</a>", html);

        // Every link of a framed widget leaves the frame, where a notice's page refuses to be shown.
        var links = Regex.Matches(html, "<a [^>]*>").Select(match => match.Value).ToArray();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.Contains("target=\"_blank\"", link));
        Assert.Contains("data-audio=\"\"", html);
    }

    [Fact]
    public async Task The_page_says_it_updates_itself_only_once_its_script_runs()
    {
        var html = await Territory(SampleNotices.View());

        Assert.Contains("<p class=\"hint live-note\" data-live-note>Cette page se met à jour d’elle-même.</p>", html);
    }

    [Fact]
    public async Task Empty_territory_says_so_with_the_time_it_was_checked_in_Paris()
    {
        var html = await Territory(SampleNotices.View());

        Assert.Contains("Aucun événement en cours — vérifié à 12:00", html);
        Assert.DoesNotContain("<article", html);
    }

    [Fact]
    public async Task A_notice_shows_its_site_type_nuisances_exercise_times_instructions_and_audio()
    {
        var notice = SampleNotices.Notice(exercise: true, status: NoticeStatus.Scheduled, startsAt: SampleNotices.Now.AddHours(1), audioUrl: "/audio/n1-v1.mp3");

        var html = await Territory(SampleNotices.View(notice));

        Assert.Contains("data-status=\"scheduled\"", html);
        Assert.Contains("à venir", html);
        Assert.Contains("Exercice", html);
        Assert.Contains("Raffinerie de Petit-Couronne", html);
        Assert.Contains("Pétrochimie &amp; Cie", html);
        Assert.Contains("Torchage", html);
        Assert.Contains("Lumière", html);
        Assert.Contains("Bruit", html);
        Assert.Contains("Fin prévue", html);
        Assert.Contains("Dernière mise à jour", html);
        Assert.Contains("Consignes", html);
        Assert.Contains("<audio controls preload=\"none\" src=\"/audio/n1-v1.mp3\"", html);
        Assert.Contains("mardi 14 juillet à 13 h", html);
    }

    [Fact]
    public async Task Audio_from_anything_but_the_web_is_not_played()
    {
        var html = await Territory(SampleNotices.View(SampleNotices.Notice(audioUrl: "javascript:alert(1)")));

        Assert.DoesNotContain("<audio", html);
        Assert.DoesNotContain("javascript:", html);
    }

    [Fact]
    public async Task English_is_the_second_language_with_links_that_keep_it()
    {
        var html = await Territory(SampleNotices.View(SampleNotices.Notice()), Texts.English);

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("ongoing", html);
        Assert.Contains("Flaring", html);
        Assert.Contains("/rouen-metropole/notices/n1?lang=en", html);
        Assert.Contains("lang=\"fr\"", html);
    }

    [Fact]
    public async Task Ten_notices_make_a_page_under_50_KB_with_deferred_scripts_only()
    {
        var notices = Enumerable.Range(0, 10)
            .Select(index => SampleNotices.Notice(id: $"n{index}", message: new string('m', 600), updates: [new NoticeUpdate(SampleNotices.Now, new string('u', 300))]))
            .ToArray();

        var html = await Territory(SampleNotices.View(notices));

        Assert.Equal(10, Articles().Matches(html).Count);
        Assert.True(Encoding.UTF8.GetByteCount(html) < 50 * 1024, $"{Encoding.UTF8.GetByteCount(html)} bytes");
        foreach (Match script in ScriptTags().Matches(html))
        {
            Assert.Matches("defer|type=\"module\"", script.Value);
        }
    }

    [Fact]
    public async Task Thirty_notices_of_a_long_incident_stay_under_50_KB_with_ended_ones_on_one_line_and_the_last_three_updates()
    {
        // An incident told in five notices with eight updates each, ten drills, fifteen events ended today.
        ImmutableArray<NoticeUpdate> Updates(int count) =>
            [.. Enumerable.Range(1, count).Select(index => new NoticeUpdate(SampleNotices.Now.AddMinutes(index - 60), $"Point n° {index} : " + new string('u', 120)))];
        var incident = Enumerable.Range(0, 5).Select(index => SampleNotices.Notice(id: $"incident{index}", version: 9, message: new string('m', 200), updates: Updates(8)));
        var drills = Enumerable.Range(0, 10).Select(index => SampleNotices.Notice(id: $"drill{index}", exercise: true, message: new string('m', 200), updates: Updates(2)));
        var ended = Enumerable.Range(0, 15).Select(index => SampleNotices.Notice(id: $"ended{index}", status: NoticeStatus.Ended, version: 5, message: new string('e', 300), updates: Updates(4)));

        var html = await Territory(SampleNotices.View([.. incident, .. drills, .. ended]));

        Assert.Equal(30, Articles().Matches(html).Count);
        Assert.True(Encoding.UTF8.GetByteCount(html) < 50 * 1024, $"{Encoding.UTF8.GetByteCount(html)} bytes");
        var endedArticle = Regex.Match(html, "<article[^>]*data-notice-id=\"ended0\".*?</article>", RegexOptions.Singleline).Value;
        Assert.Contains("href=\"/rouen-metropole/notices/ended0\"", endedArticle);
        Assert.Contains("terminé", endedArticle);
        Assert.DoesNotContain("eee", endedArticle);
        Assert.DoesNotContain("Point n°", endedArticle);
        var incidentArticle = Regex.Match(html, "<article[^>]*data-notice-id=\"incident0\".*?</article>", RegexOptions.Singleline).Value;
        Assert.Equal(["Point n° 6", "Point n° 7", "Point n° 8"], Regex.Matches(incidentArticle, "Point n° \\d+").Select(match => match.Value));
        Assert.Contains("5 mises à jour plus anciennes : voir l’historique", incidentArticle);

        var one = await Territory(SampleNotices.View(SampleNotices.Notice(updates: Updates(4))));
        Assert.Contains("1 mise à jour plus ancienne : voir l’historique", one);
        Assert.Contains("1 earlier update: see the timeline", await Territory(SampleNotices.View(SampleNotices.Notice(updates: Updates(4))), Texts.English));
        Assert.DoesNotContain("(s)", html + one);
    }

    [Fact]
    public async Task The_notice_page_tells_the_whole_timeline()
    {
        var notice = SampleNotices.Notice(status: NoticeStatus.Ended, version: 3, updates:
        [
            new NoticeUpdate(SampleNotices.Now.AddMinutes(-20), "La flamme diminue."),
            new NoticeUpdate(SampleNotices.Now.AddMinutes(-5), "Torchage terminé."),
        ]);

        var html = await NoticePage(notice);

        Assert.Contains("<h1 id=\"notice-n1\">Torchage en cours</h1>", html);
        Assert.Contains("Publication", html);
        Assert.Contains("La flamme diminue.", html);
        Assert.Contains("Torchage terminé.", html);
        Assert.Contains("Fin de l’événement", html);
        Assert.Contains("/rouen-metropole/notices/n1/cap.xml", html);
    }

    [Fact]
    public void The_content_security_policy_allows_no_inline_script_and_frames_only_the_widget()
    {
        var options = new PublicSiteOptions { MapTileUrl = "https://{s}.tile.example.org/{z}/{x}/{y}.png" };

        var page = ContentSecurity.Policy(options, frameable: false);
        var widget = ContentSecurity.Policy(options, frameable: true);

        Assert.Contains("script-src 'self';", page);
        Assert.DoesNotContain("unsafe", page);
        Assert.Contains("frame-ancestors 'none'", page);
        Assert.Contains("frame-ancestors *", widget);
        Assert.Contains("img-src 'self' data: https://*.tile.example.org;", page);
    }

    private static Task<string> Territory(TerritoryView view, Texts? texts = null) =>
        Renderer.Render<TerritoryPage>(page => page.Set(p => p.Ctx, Context(texts, "/rouen-metropole").WithSites(view.Sites)).Set(p => p.View, view));

    private static Task<string> NoticePage(NoticeSnapshot notice) =>
        Renderer.Render<NoticePage>(page => page.Set(p => p.Ctx, Context(null, $"/rouen-metropole/notices/{notice.Id}")).Set(p => p.Territory, SampleNotices.Territory()).Set(p => p.N, notice));

    private static PageContext Context(Texts? texts, string path) => new(texts ?? Texts.French, SampleNotices.Now, path, new PublicSiteOptions());


    [GeneratedRegex("<article[^>]*data-notice-id=\"(?<id>[^\"]+)\" data-status=\"(?<status>[^\"]+)\"")]
    private static partial Regex Articles();

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScripts();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTags();
}
