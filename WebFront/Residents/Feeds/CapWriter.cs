using System.Globalization;
using System.Text;
using System.Xml;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Words;
using AlloIndustrie.WebFront.Residents.Localization;
using AlloIndustrie.WebFront.Xml;

namespace AlloIndustrie.WebFront.Residents.Feeds;

/// <summary>
/// One notice as a CAP 1.2 alert. Each version is its own message, identified <c>{id}-v{version}</c>; later
/// versions reference the first one, which is the only earlier message whose sending time the notice still records.
/// </summary>
public static class CapWriter
{
    public const string CapNs = "urn:oasis:names:tc:emergency:cap:1.2";

    public static byte[] Write(NoticeSnapshot notice, SiteProfile? site, PublicLinks links, double radiusKm)
    {
        var french = Texts.French;
        using var buffer = new MemoryStream();
        using (var writer = SafeXmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("alert", CapNs);
            writer.WriteElementString("identifier", CapNs, Identifier(notice.Id, notice.Version));
            writer.WriteElementString("sender", CapNs, links.Sender);
            writer.WriteElementString("sent", CapNs, ParisTime.Iso(Sent(notice)));
            writer.WriteElementString("status", CapNs, notice.Exercise ? "Exercise" : "Actual");
            writer.WriteElementString("msgType", CapNs, CapMapping.MsgType(notice));
            writer.WriteElementString("scope", CapNs, "Public");
            if (notice.Status == NoticeStatus.Withdrawn)
            {
                writer.WriteElementString("note", CapNs, string.IsNullOrWhiteSpace(notice.WithdrawnReason) ? "Notice retirée." : $"Notice retirée : {notice.WithdrawnReason}");
            }

            if (notice.Version > 1 || notice.Status == NoticeStatus.Withdrawn)
            {
                writer.WriteElementString("references", CapNs, $"{links.Sender},{Identifier(notice.Id, 1)},{ParisTime.Iso(notice.PublishedAt)}");
            }

            writer.WriteStartElement("info", CapNs);
            writer.WriteElementString("language", CapNs, "fr-FR");
            writer.WriteElementString("category", CapNs, CapMapping.Category(notice.EventType));
            writer.WriteElementString("event", CapNs, french.Words.EventType(notice.EventType));
            writer.WriteElementString("responseType", CapNs, CapMapping.ResponseType(notice.Status));
            writer.WriteElementString("urgency", CapNs, CapMapping.Urgency(notice.Status));
            writer.WriteElementString("severity", CapNs, CapMapping.Severity(notice.EventType));
            writer.WriteElementString("certainty", CapNs, CapMapping.Certainty(notice.Status));
            writer.WriteElementString("onset", CapNs, ParisTime.Iso(notice.StartsAt));
            writer.WriteElementString("expires", CapNs, ParisTime.Iso(notice.ExpiresAt));
            writer.WriteElementString("senderName", CapNs, $"{notice.Company} — {notice.SiteName} (AlloIndustrie)");
            writer.WriteElementString("headline", CapNs, notice.Title);
            writer.WriteElementString("description", CapNs, Description(notice));
            if (!string.IsNullOrWhiteSpace(notice.Instructions))
            {
                writer.WriteElementString("instruction", CapNs, notice.Instructions);
            }

            writer.WriteElementString("web", CapNs, notice.Status == NoticeStatus.Withdrawn ? links.Territory(notice.Territory) : links.Notice(notice.Territory, notice.Id));
            if (notice.Status != NoticeStatus.Withdrawn && notice.AudioUrl is { } audio)
            {
                writer.WriteStartElement("resource", CapNs);
                writer.WriteElementString("resourceDesc", CapNs, "Message audio");
                writer.WriteElementString("mimeType", CapNs, CapMapping.AudioMimeType(audio));
                writer.WriteElementString("uri", CapNs, links.Absolute(audio));
                writer.WriteEndElement();
            }

            WriteAreas(writer, notice, site, radiusKm);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }

    public static string Identifier(string id, int version) => $"{id}-v{version}";

    private static DateTimeOffset Sent(NoticeSnapshot notice) => notice.Version == 1 ? notice.PublishedAt : notice.UpdatedAt;

    private static string Description(NoticeSnapshot notice)
    {
        var text = new StringBuilder(notice.Message);
        foreach (var update in notice.Updates.IsDefault ? [] : notice.Updates)
        {
            text.Append("\n\n").Append(ParisTime.Of(update.At).ToString("HH:mm", CultureInfo.InvariantCulture)).Append(" — ").Append(update.Message);
        }

        return text.ToString();
    }

    private static void WriteAreas(XmlWriter writer, NoticeSnapshot notice, SiteProfile? site, double radiusKm)
    {
        var communes = site is null || site.Communes.IsDefault ? [] : site.Communes;
        var circle = site is null
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{site.Latitude:0.#####},{site.Longitude:0.#####} {radiusKm:0.###}");
        foreach (var description in CapAreas.Describe(communes, notice.SiteName))
        {
            writer.WriteStartElement("area", CapNs);
            writer.WriteElementString("areaDesc", CapNs, description);
            if (circle is not null)
            {
                writer.WriteElementString("circle", CapNs, circle);
            }

            writer.WriteEndElement();
        }
    }
}
