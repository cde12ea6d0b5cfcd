using System.Text;
using System.Xml;

namespace AlloIndustrie.WebFront.Xml;

/// <summary>
/// The XmlWriter of every feed and of TwiML: text and attribute values lose what XML 1.0 cannot carry (C0
/// controls but tab and line breaks, lone surrogates, U+FFFE, U+FFFF) and C1 controls, instead of making the
/// writer throw. New text is refused before it is stored (<c>TextRules</c>); this keeps what was stored before
/// that rule, or slipped past it, from taking down a territory's whole feed or phone line.
/// </summary>
public sealed class SafeXmlWriter : XmlWriter
{
    private readonly XmlWriter inner;

    private SafeXmlWriter(XmlWriter inner) => this.inner = inner;

    public static new XmlWriter Create(Stream output, XmlWriterSettings settings) => new SafeXmlWriter(XmlWriter.Create(output, settings));

    /// <summary><paramref name="text"/> without the characters this writer drops.</summary>
    public static string Clean(string text)
    {
        var firstBad = FirstBad(text);
        if (firstBad < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (Keeps(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private static int FirstBad(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!Keeps(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Keeps(char c) => c is '\t' or '\n' or '\r' || !(char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF');

    public override WriteState WriteState => inner.WriteState;

    public override void WriteString(string? text) => inner.WriteString(text is null ? null : Clean(text));

    public override void WriteChars(char[] buffer, int index, int count) => WriteString(new string(buffer, index, count));

    public override void WriteCData(string? text) => inner.WriteCData(text is null ? null : Clean(text));

    public override void WriteComment(string? text) => inner.WriteComment(text is null ? null : Clean(text));

    public override void Flush() => inner.Flush();

    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);

    public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);

    public override void WriteCharEntity(char ch) => inner.WriteCharEntity(ch);

    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => inner.WriteDocType(name, pubid, sysid, subset);

    public override void WriteEndAttribute() => inner.WriteEndAttribute();

    public override void WriteEndDocument() => inner.WriteEndDocument();

    public override void WriteEndElement() => inner.WriteEndElement();

    public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);

    public override void WriteFullEndElement() => inner.WriteFullEndElement();

    public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, text);

    public override void WriteRaw(char[] buffer, int index, int count) => inner.WriteRaw(buffer, index, count);

    public override void WriteRaw(string data) => inner.WriteRaw(data);

    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => inner.WriteStartAttribute(prefix, localName, ns);

    public override void WriteStartDocument() => inner.WriteStartDocument();

    public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);

    public override void WriteStartElement(string? prefix, string localName, string? ns) => inner.WriteStartElement(prefix, localName, ns);

    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => inner.WriteSurrogateCharEntity(lowChar, highChar);

    public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
