using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.WebFront.Residents.Feeds;
using Xunit;

namespace AlloIndustrie.Tests.Public;

public sealed class CapWriterTests
{
    private static readonly PublicLinks Links = new("https://alerte.example.org", "alerte.example.org");

    [Fact]
    public void A_stored_notice_with_characters_xml_cannot_carry_is_still_a_valid_alert()
    {
        var notice = SampleNotices.Notice(title: "Fuite \u0001", message: "Odeur\uFFFF \uD800forte\u0085.", status: NoticeStatus.Withdrawn, version: 2);

        var cap = CapDocuments.Validate(CapWriter.Write(notice, SampleNotices.Site(), Links, 5));

        Assert.Equal("Fuite ", cap.Descendants(CapDocuments.Cap + "headline").Single().Value);
    }

    [Fact]
    public void An_active_notice_is_an_actual_alert_with_areas_around_the_site()
    {
        var cap = Write(SampleNotices.Notice(title: SampleNotices.Hostile));

        Assert.Equal("n1-v1", cap.Value("identifier"));
        Assert.Equal("alloindustrie@alerte.example.org", cap.Value("sender"));
        Assert.Equal("2026-07-14T11:30:00+02:00", cap.Value("sent"));
        Assert.Equal("Actual", cap.Value("status"));
        Assert.Equal("Alert", cap.Value("msgType"));
        Assert.Empty(cap.Descendants(CapDocuments.Cap + "references"));
        Assert.Equal("fr-FR", cap.Value("language"));
        Assert.Equal("Env", cap.Value("category"));
        Assert.Equal("Torchage", cap.Value("event"));
        Assert.Equal("Monitor", cap.Value("responseType"));
        Assert.Equal(SampleNotices.Hostile, cap.Value("headline"));
        Assert.Equal("2026-07-23T11:30:00+02:00", cap.Value("expires"));
        Assert.Equal("https://alerte.example.org/rouen-metropole/notices/n1", cap.Value("web"));

        var areas = cap.Descendants(CapDocuments.Cap + "area").ToArray();
        Assert.True(areas.Length > 1);
        Assert.All(areas, area =>
        {
            Assert.True(area.Element(CapDocuments.Cap + "areaDesc")!.Value.Length < 50);
            Assert.Equal("49.3862,1.0189 5", area.Element(CapDocuments.Cap + "circle")!.Value);
        });
        var communes = string.Join(", ", areas.Select(area => area.Element(CapDocuments.Cap + "areaDesc")!.Value));
        Assert.Equal(string.Join(", ", SampleNotices.Site().Communes), communes);
    }

    [Fact]
    public void A_later_version_is_an_update_referencing_the_first()
    {
        var cap = Write(SampleNotices.Notice(version: 3, updates: [new NoticeUpdate(SampleNotices.Now, "La flamme diminue.")], audioUrl: "/audio/n1-v3.mp3"));

        Assert.Equal("n1-v3", cap.Value("identifier"));
        Assert.Equal("Update", cap.Value("msgType"));
        Assert.Equal("alloindustrie@alerte.example.org,n1-v1,2026-07-14T11:30:00+02:00", cap.Value("references"));
        Assert.Contains("La flamme diminue.", cap.Value("description"));
        Assert.Equal("https://alerte.example.org/audio/n1-v3.mp3", cap.Value("uri"));
        Assert.Equal("audio/mpeg", cap.Value("mimeType"));
    }

    [Fact]
    public void The_all_clear_says_so()
    {
        var cap = Write(SampleNotices.Notice(status: NoticeStatus.Ended, version: 2));

        Assert.Equal("Update", cap.Value("msgType"));
        Assert.Equal("AllClear", cap.Value("responseType"));
        Assert.Equal("Past", cap.Value("urgency"));
    }

    [Fact]
    public void A_withdrawn_notice_cancels_the_alert_with_its_reason()
    {
        var cap = Write(SampleNotices.Notice(status: NoticeStatus.Withdrawn, version: 2));

        Assert.Equal("Cancel", cap.Value("msgType"));
        Assert.Equal("alloindustrie@alerte.example.org,n1-v1,2026-07-14T11:30:00+02:00", cap.Value("references"));
        Assert.Equal("Notice retirée : Publiée par erreur <b>test</b>", cap.Value("note"));
    }

    [Fact]
    public void A_drill_is_an_exercise()
    {
        var cap = Write(SampleNotices.Notice(exercise: true, eventType: "siren", status: NoticeStatus.Scheduled, startsAt: SampleNotices.Now.AddDays(1)));

        Assert.Equal("Exercise", cap.Value("status"));
        Assert.Equal("Safety", cap.Value("category"));
        Assert.Equal("Future", cap.Value("urgency"));
        Assert.Equal("Likely", cap.Value("certainty"));
    }

    [Fact]
    public void Area_descriptions_stay_short_even_for_long_names_or_no_commune()
    {
        var longName = new string('x', 80);

        Assert.All(CapAreas.Describe([longName, "Oissel"], "site"), area => Assert.True(area.Length < 50));
        Assert.Equal(["Raffinerie"], CapAreas.Describe([], "Raffinerie"));
    }

    private static System.Xml.Linq.XDocument Write(NoticeSnapshot notice) =>
        CapDocuments.Validate(CapWriter.Write(notice, SampleNotices.Site(), Links, 5));
}
