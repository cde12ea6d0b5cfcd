using System.Xml.Linq;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.Grains.Voice;
using AlloIndustrie.WebFront.Voice;
using Xunit;

namespace AlloIndustrie.Tests.Voice;

public sealed class TwimlTests
{
    private const string BaseUrl = "https://allo.example.fr";

    [Fact]
    public void A_menu_gathers_one_key_and_moves_on_without_one()
    {
        var response = new CallResponse(
            [CallPrompt.Say("Bonjour & bienvenue <ici>.")],
            [CallPrompt.Say("Événement 1 sur 2."), CallPrompt.Play("/audio/abc/3.mp3"), CallPrompt.Say("Tapez 1.")],
            4);

        var twiml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(Twiml.Write(response, BaseUrl)));

        var root = twiml.Root!;
        Assert.Equal("Response", root.Name.LocalName);
        Assert.Equal(["Say", "Gather", "Redirect"], root.Elements().Select(e => e.Name.LocalName));
        var say = root.Element("Say")!;
        Assert.Equal("Bonjour & bienvenue <ici>.", say.Value);
        Assert.Equal("fr-FR", say.Attribute("language")?.Value);

        var gather = root.Element("Gather")!;
        Assert.Equal("https://allo.example.fr/voice/menu?step=4", gather.Attribute("action")?.Value);
        Assert.Equal("POST", gather.Attribute("method")?.Value);
        Assert.Equal("1", gather.Attribute("numDigits")?.Value);
        Assert.Equal("dtmf", gather.Attribute("input")?.Value);
        Assert.Equal("5", gather.Attribute("timeout")?.Value);
        Assert.Equal(["Say", "Play", "Say"], gather.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("https://allo.example.fr/audio/abc/3.mp3", gather.Element("Play")!.Value);
        Assert.Equal("https://allo.example.fr/voice/menu?step=4", root.Element("Redirect")!.Value);
    }

    [Fact]
    public void The_wait_for_a_key_is_the_one_the_call_asks_for()
    {
        var response = new CallResponse([], [CallPrompt.Say("Tapez 1.")], 2, CallResponse.LongWaitSeconds);

        var twiml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(Twiml.Write(response, BaseUrl)));

        Assert.Equal("10", twiml.Root!.Element("Gather")!.Attribute("timeout")?.Value);
    }

    [Fact]
    public void Text_xml_cannot_carry_is_left_out_of_what_is_said()
    {
        var response = CallResponse.Goodbye(CallPrompt.Say("Fuite \u0001en cours\uFFFF\uD800."));

        var twiml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(Twiml.Write(response, BaseUrl)));

        Assert.Equal("Fuite en cours.", twiml.Root!.Element("Say")!.Value);
    }

    [Fact]
    public void Without_a_menu_the_call_hangs_up()
    {
        var twiml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(Twiml.SayAndHangUp("Au revoir.")));

        Assert.Equal(["Say", "Hangup"], twiml.Root!.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void The_most_a_notice_is_read_stays_under_64_kilobytes()
    {
        // The call grain's budget, in sentences of the character XML escapes most ('&' → "&amp;").
        var sentence = new string('&', NoticeRules.MessageMaxLength);
        var sentences = Enumerable.Repeat(CallPrompt.Say(sentence), PhoneCallGrain.MaxSpokenCharacters / sentence.Length);
        var response = new CallResponse(
            [CallPrompt.Say("Bienvenue sur AlloIndustrie."), CallPrompt.Say("Il y a en ce moment 3 événements signalés.")],
            [CallPrompt.Say("Événement 1 sur 3."), .. sentences, CallPrompt.Say("Pour réécouter cet événement, tapez 1.")],
            1);

        Assert.True(Twiml.Write(response, BaseUrl).Length < 64 * 1024);
    }
}
