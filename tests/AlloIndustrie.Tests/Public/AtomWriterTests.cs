using System.ServiceModel.Syndication;
using System.Xml;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.WebFront.Residents.Feeds;
using Xunit;

namespace AlloIndustrie.Tests.Public;

public sealed class AtomWriterTests
{
    private static readonly PublicLinks Links = new("https://alerte.example.org", "alerte.example.org");

    [Fact]
    public void The_notice_feed_parses_and_carries_operator_text_as_text()
    {
        var view = SampleNotices.View(
            SampleNotices.Notice(id: "a", title: SampleNotices.Hostile),
            SampleNotices.Notice(id: "b", status: NoticeStatus.Ended, exercise: true));

        var feed = Parse(AtomWriter.Notices(view, Links));

        Assert.Equal("https://alerte.example.org/rouen-metropole/feed.atom", feed.Id);
        Assert.Equal(["https://alerte.example.org/rouen-metropole/notices/a", "https://alerte.example.org/rouen-metropole/notices/b"], feed.Items.Select(item => item.Id));
        var first = feed.Items.First();
        Assert.Equal($"{SampleNotices.Hostile} (en cours)", first.Title.Text);
        Assert.Equal("https://alerte.example.org/rouen-metropole/notices/a", first.Links.Single(link => link.RelationshipType == "alternate").Uri.ToString());
        Assert.Contains("Une flamme est visible", ((TextSyndicationContent)first.Content).Text);
        Assert.StartsWith("[Exercice]", feed.Items.Last().Title.Text);
    }

    [Fact]
    public void The_cap_index_links_each_notice_to_its_cap_document_withdrawn_ones_included()
    {
        var view = SampleNotices.View(SampleNotices.Notice(id: "a"));
        var withdrawn = SampleNotices.Notice(id: "w", status: NoticeStatus.Withdrawn, version: 2);

        var feed = Parse(AtomWriter.CapIndex(view, [withdrawn], Links));

        Assert.Equal(2, feed.Items.Count());
        Assert.All(feed.Items, item =>
        {
            var link = item.Links.Single(l => l.RelationshipType == "alternate");
            Assert.Equal("application/cap+xml", link.MediaType);
            Assert.EndsWith("/cap.xml", link.Uri.ToString());
        });
    }

    [Fact]
    public void A_stored_notice_with_characters_xml_cannot_carry_does_not_take_down_the_feeds()
    {
        // As a notice stored before its text was checked: control characters, a noncharacter, a lone surrogate.
        var bad = SampleNotices.Notice(id: "bad", title: "Fuite \u0001\u0085", message: "Odeur\uFFFF \uD800forte\u001B.");
        var good = SampleNotices.Notice(id: "good", title: "Torchage", startsAt: SampleNotices.Now.AddHours(-1));
        var view = SampleNotices.View(bad, good);

        var feed = Parse(AtomWriter.Notices(view, Links));
        var index = Parse(AtomWriter.CapIndex(view, [SampleNotices.Notice(id: "w", title: "Retrait \u0002", status: NoticeStatus.Withdrawn, version: 2)], Links));

        Assert.Equal(["Fuite  (en cours)", "Torchage (en cours)"], feed.Items.Select(item => item.Title.Text));
        Assert.Contains("Odeur forte.", ((TextSyndicationContent)feed.Items.First().Content).Text);
        Assert.Equal(3, index.Items.Count());
    }

    private static SyndicationFeed Parse(byte[] document)
    {
        using var reader = XmlReader.Create(new MemoryStream(document));
        return SyndicationFeed.Load(reader);
    }
}
