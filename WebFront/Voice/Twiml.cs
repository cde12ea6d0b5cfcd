using System.Globalization;
using System.Text;
using System.Xml;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.WebFront.Xml;

namespace AlloIndustrie.WebFront.Voice;

/// <summary>
/// Writes TwiML with an XML writer, so that whatever an operator typed is escaped. A menu is a
/// <c>&lt;Gather&gt;</c> of one key whose answer, or the <c>&lt;Redirect&gt;</c> after it when no key is
/// pressed, goes to the menu URL with the step number that makes repeated webhooks harmless.
/// </summary>
public static class Twiml
{
    public const string ContentType = "text/xml; charset=utf-8";

    private const string Language = "fr-FR";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
    };

    /// <summary>
    /// The TwiML of <paramref name="response"/>; URLs are made absolute with <paramref name="baseUrl"/>. The menu's
    /// answers go to <paramref name="menu"/> (a path, with a query of its own or not) with the step added.
    /// </summary>
    public static byte[] Write(CallResponse response, string baseUrl, string menu = VoiceRoutes.Menu)
    {
        return Document(writer =>
        {
            WritePrompts(writer, response.Preamble, baseUrl);
            if (response.MenuStep is { } step)
            {
                var action = MenuUrl(baseUrl, step, menu);
                writer.WriteStartElement("Gather");
                writer.WriteAttributeString("input", "dtmf");
                writer.WriteAttributeString("numDigits", "1");
                writer.WriteAttributeString("timeout", response.WaitSeconds.ToString(CultureInfo.InvariantCulture));

                // '#' is a key like any other here: outside the menu, so the menu is repeated.
                writer.WriteAttributeString("finishOnKey", "");
                writer.WriteAttributeString("action", action);
                writer.WriteAttributeString("method", "POST");
                WritePrompts(writer, response.Menu, baseUrl);
                writer.WriteEndElement();

                writer.WriteStartElement("Redirect");
                writer.WriteAttributeString("method", "POST");
                writer.WriteString(action);
                writer.WriteEndElement();
            }
            else
            {
                writer.WriteElementString("Hangup", null);
            }
        });
    }

    /// <summary>A message, then hang up.</summary>
    public static byte[] SayAndHangUp(string text) => Write(CallResponse.Goodbye(CallPrompt.Say(text)), "");

    /// <summary>The answer to an incoming SMS: one <c>&lt;Message&gt;</c> back to its sender.</summary>
    public static byte[] Reply(string text) => Document(writer => writer.WriteElementString("Message", text));

    /// <summary>The menu's webhook URL for one step.</summary>
    public static string MenuUrl(string baseUrl, int step, string menu = VoiceRoutes.Menu) =>
        string.Create(CultureInfo.InvariantCulture, $"{baseUrl}{menu}{(menu.Contains('?', StringComparison.Ordinal) ? '&' : '?')}step={step}");

    private static byte[] Document(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = SafeXmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("Response");
            body(writer);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void WritePrompts(XmlWriter writer, IEnumerable<CallPrompt> prompts, string baseUrl)
    {
        foreach (var prompt in prompts)
        {
            switch (prompt.Kind)
            {
                case CallPromptKind.Say:
                    writer.WriteStartElement("Say");
                    writer.WriteAttributeString("language", Language);
                    writer.WriteString(prompt.Value);
                    writer.WriteEndElement();
                    break;
                case CallPromptKind.Play:
                    writer.WriteElementString("Play", baseUrl + prompt.Value);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(prompts), prompt.Kind, null);
            }
        }
    }
}
