using System.Text;
using System.Xml;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Words;
using AlloIndustrie.WebFront.Residents.Localization;
using AlloIndustrie.WebFront.Residents.Reading;
using AlloIndustrie.WebFront.Xml;

namespace AlloIndustrie.WebFront.Residents.Feeds;

/// <summary>Atom 1.0 documents: the territory's notices for feed readers, and the index of their CAP alerts.</summary>
public static class AtomWriter
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    /// <summary>The notices of the public page, newest first, each linking to its page.</summary>
    public static byte[] Notices(TerritoryView view, PublicLinks links)
    {
        var slug = view.Profile.Slug;
        return Write(
            view,
            links,
            "feed.atom",
            $"{view.Profile.Name} — AlloIndustrie",
            view.Notices,
            (writer, notice) =>
            {
                WriteLink(writer, "alternate", "text/html", links.Notice(slug, notice.Id));
                WriteLink(writer, "related", "application/cap+xml", links.Cap(slug, notice.Id));
                writer.WriteStartElement("summary", AtomNs);
                writer.WriteAttributeString("type", "text");
                writer.WriteString(notice.Message);
                writer.WriteEndElement();
                writer.WriteStartElement("content", AtomNs);
                writer.WriteAttributeString("type", "text");
                writer.WriteString(Describe(notice));
                writer.WriteEndElement();
            });
    }

    /// <summary>One entry per CAP alert, withdrawn ones included so that their cancellation reaches those who took them.</summary>
    public static byte[] CapIndex(TerritoryView view, IEnumerable<NoticeSnapshot> withdrawn, PublicLinks links)
    {
        var slug = view.Profile.Slug;
        return Write(
            view,
            links,
            "cap.atom",
            $"{view.Profile.Name} — alertes CAP — AlloIndustrie",
            [.. view.Notices.Concat(withdrawn).OrderByDescending(notice => notice.UpdatedAt)],
            (writer, notice) =>
            {
                WriteLink(writer, "alternate", "application/cap+xml", links.Cap(slug, notice.Id));
                writer.WriteStartElement("summary", AtomNs);
                writer.WriteAttributeString("type", "text");
                writer.WriteString(notice.Message);
                writer.WriteEndElement();
            });
    }

    private static byte[] Write(TerritoryView view, PublicLinks links, string file, string title, IReadOnlyCollection<NoticeSnapshot> notices, Action<XmlWriter, NoticeSnapshot> writeBody)
    {
        var slug = view.Profile.Slug;
        var self = links.Feed(slug, file);
        using var buffer = new MemoryStream();
        using (var writer = SafeXmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("feed", AtomNs);
            writer.WriteAttributeString("xml", "lang", null, "fr");
            writer.WriteElementString("id", AtomNs, self);
            writer.WriteElementString("title", AtomNs, title);
            writer.WriteElementString("updated", AtomNs, ParisTime.Iso(notices.Count == 0 ? view.AsOf : notices.Max(notice => notice.UpdatedAt)));
            WriteLink(writer, "self", "application/atom+xml", self);
            WriteLink(writer, "alternate", "text/html", links.Territory(slug));
            writer.WriteStartElement("author", AtomNs);
            writer.WriteElementString("name", AtomNs, "AlloIndustrie");
            writer.WriteEndElement();
            foreach (var notice in notices)
            {
                writer.WriteStartElement("entry", AtomNs);
                writer.WriteElementString("id", AtomNs, links.Notice(slug, notice.Id));
                writer.WriteElementString("title", AtomNs, EntryTitle(notice));
                writer.WriteElementString("published", AtomNs, ParisTime.Iso(notice.PublishedAt));
                writer.WriteElementString("updated", AtomNs, ParisTime.Iso(notice.UpdatedAt));
                writer.WriteStartElement("author", AtomNs);
                writer.WriteElementString("name", AtomNs, $"{notice.Company} — {notice.SiteName}");
                writer.WriteEndElement();
                writer.WriteStartElement("category", AtomNs);
                writer.WriteAttributeString("term", notice.EventType);
                writer.WriteAttributeString("label", Texts.French.Words.EventType(notice.EventType));
                writer.WriteEndElement();
                writeBody(writer, notice);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static string EntryTitle(NoticeSnapshot notice)
    {
        var exercise = notice.Exercise ? $"[{Texts.French.Exercise}] " : "";
        return $"{exercise}{notice.Title} ({Texts.French.Words.Status(notice.Status)})";
    }

    /// <summary>The whole notice as plain text: readers show it as it is, escaped by the XML writer.</summary>
    private static string Describe(NoticeSnapshot notice)
    {
        var french = Texts.French;
        var text = new StringBuilder()
            .AppendLine($"{notice.SiteName} ({notice.Company}) — {french.Words.EventType(notice.EventType)} — {french.Words.Status(notice.Status)}")
            .AppendLine($"{french.Start} : {ParisTime.Of(notice.StartsAt).ToString(french.DateTimeFormat, french.Culture)}");
        if (notice.ExpectedEndAt is { } expectedEnd)
        {
            text.AppendLine($"{french.ExpectedEnd} : {ParisTime.Of(expectedEnd).ToString(french.DateTimeFormat, french.Culture)}");
        }

        text.AppendLine().AppendLine(notice.Message);
        if (!string.IsNullOrWhiteSpace(notice.Instructions))
        {
            text.AppendLine().AppendLine($"{french.Instructions} : {notice.Instructions}");
        }

        foreach (var update in notice.Updates.IsDefault ? [] : notice.Updates)
        {
            text.AppendLine().AppendLine($"{ParisTime.Of(update.At).ToString("HH:mm", french.Culture)} — {update.Message}");
        }

        return text.ToString().TrimEnd();
    }

    private static void WriteLink(XmlWriter writer, string rel, string type, string href)
    {
        writer.WriteStartElement("link", AtomNs);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }
}
