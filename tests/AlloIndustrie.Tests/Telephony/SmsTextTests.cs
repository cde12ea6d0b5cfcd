using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Telephony;
using AlloIndustrie.Grains.Subscriptions.Channels;
using AlloIndustrie.Grains.Subscriptions.Channels.Sms;
using Xunit;

namespace AlloIndustrie.Tests.Telephony;

/// <summary>Segments as carriers count them, on real French texts, and the notice SMS that always fits in two.</summary>
public sealed class SmsTextTests
{
    [Theory]
    // Accents GSM-7 has (é è à ù), and "€", an extension character that counts twice.
    [InlineData("Essai de sirène à 12 h : prix 0 € pour les riverains.", SmsEncoding.Gsm7, 54, 1)]
    [InlineData("€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€", SmsEncoding.Gsm7, 160, 1)]
    [InlineData("€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€", SmsEncoding.Gsm7, 162, 2)]
    // ê, ô, ç are not in GSM-7: the whole text goes in UCS-2.
    [InlineData("Fumée visible au-dessus du dépôt : fermez vos fenêtres.", SmsEncoding.Ucs2, 55, 1)]
    [InlineData("Torchage à la raffinerie de Petit-Couronne. Une flamme et un grondement sont perçus depuis Grand-Couronne.", SmsEncoding.Ucs2, 106, 2)]
    [InlineData("", SmsEncoding.Gsm7, 0, 1)]
    public void Segments_are_counted_as_carriers_count_them(string text, SmsEncoding encoding, int units, int segments)
    {
        var length = SmsSegments.Measure(text);
        Assert.Equal((encoding, units, segments), (length.Encoding, length.Units, length.Segments));
        Assert.Equal(TwilioStandIn.Segments(text), length.Segments);
    }

    [Fact]
    public void An_extension_character_is_never_split_between_two_parts()
    {
        // 152 plain septets then "€": 154 septets, more than one part; the euro cannot start in part one's last septet.
        var text = new string('a', 152) + "€" + new string('a', 152);
        Assert.Equal(306, SmsSegments.Measure(text).Units);
        Assert.Equal(3, SmsSegments.Measure(text).Segments);
        Assert.Equal(2, SmsSegments.Measure(new string('a', 151) + "€" + new string('a', 153)).Segments);
    }

    [Fact]
    public void Typographic_punctuation_is_written_as_gsm_7_has_it_and_accents_are_kept()
    {
        Assert.Equal("L'usine \"Nord\" - 3 km... coeur", SmsSegments.Plain("L’usine « Nord » – 3\u00A0km… cœur").Replace("\" Nord \"", "\"Nord\"", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal));
        Assert.True(SmsSegments.IsGsm7(SmsSegments.Plain("Aujourd’hui : l’essai « sirène » – à 12 h.")));
        Assert.False(SmsSegments.IsGsm7(SmsSegments.Plain("Fenêtres fermées")));
    }

    [Theory]
    [InlineData(false, "Torchage en cours")]
    [InlineData(true, "Torchage exceptionnel sur l’unité de craquage catalytique, flamme haute et bruit sourd perceptibles à plusieurs kilomètres")]
    [InlineData(true, "Dégagement de fumée noire au-dessus du dépôt : gardez vos fenêtres fermées et ne vous approchez pas du site")]
    public void A_notice_sms_fits_in_two_segments_and_keeps_its_link_and_how_to_stop(bool exercise, string title)
    {
        string[] communes = ["Petit-Couronne", "Grand-Couronne", "Le Grand-Quevilly", "Moulineaux", "La Bouille", "Sahurs", "Val-de-la-Haye", "Hautot-sur-Seine"];
        var message = Message(title, "Raffinerie de Petit-Couronne", exercise, [.. communes], NoticeMessageKind.Updated);
        var sms = NoticeSms.Notice(message);
        Assert.InRange(SmsSegments.Measure(sms).Segments, 1, 2);
        Assert.InRange(TwilioStandIn.Segments(sms), 1, 2);
        Assert.Equal(exercise, sms.StartsWith("EXERCICE - Mise à jour : ", StringComparison.Ordinal));
        Assert.Contains("https://allo.example.fr/n/" + TelephonyRoutes.ShortCode(message.Notice.Id), sms);
        Assert.EndsWith(" Répondez STOP pour vous désabonner.", sms);
        Assert.DoesNotContain("’", sms);
    }

    [Fact]
    public void A_short_gsm_notice_names_every_commune_and_a_long_one_counts_those_left_out()
    {
        var shortOne = NoticeSms.Notice(Message("Essai de sirène", "Chimie de Rouen", false, ["Rouen", "Sotteville-lès-Rouen"], NoticeMessageKind.Published));
        Assert.StartsWith("Essai de sirène - Chimie de Rouen (Rouen, Sotteville-lès-Rouen) https://allo.example.fr/n/", shortOne);
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Measure(shortOne).Encoding);

        var many = Enumerable.Range(1, 40).Select(i => $"Commune-numéro-{i}").ToImmutableArray();
        var longOne = NoticeSms.Notice(Message("Essai de sirène", "Chimie de Rouen", false, many, NoticeMessageKind.Ended));
        Assert.StartsWith("Terminé : Essai de sirène - Chimie de Rouen (Commune-numéro-1, ", longOne);
        Assert.Matches(@" \+[0-9]+\) https://", longOne);
        Assert.Equal(2, SmsSegments.Measure(longOne).Segments);
    }

    [Fact]
    public void Short_codes_map_one_to_one_to_notice_ids()
    {
        var id = "0123456789abcdef0123456789abcdef";
        var code = TelephonyRoutes.ShortCode(id);
        Assert.Equal(22, code.Length);
        Assert.True(TelephonyRoutes.TryNoticeId(code, out var back));
        Assert.Equal(id, back);

        // 16 bytes leave the last character's four low bits unused: only A, Q, g or w end a code, one spelling per id.
        Assert.Contains(code[21], "AQgw");
        Assert.False(TelephonyRoutes.TryNoticeId(code[..21] + "B", out _));
        Assert.False(TelephonyRoutes.TryNoticeId(code + "A", out _));
        Assert.False(TelephonyRoutes.TryNoticeId(code[..21] + "+", out _));
    }

    private static SubscriberMessage Message(string title, string site, bool exercise, ImmutableArray<string> communes, NoticeMessageKind kind)
    {
        var now = DateTimeOffset.Parse("2026-12-02T10:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture);
        var notice = new NoticeSnapshot(
            "0123456789abcdef0123456789abcdef", "rouen-metropole", "raffinerie", site, "Société de test", "flare", ["light"], title,
            "Une flamme est visible.", null, exercise, NoticeStatus.Active, now, null, now, null, now.AddDays(9), [], 2, null, now, null);
        return new SubscriberMessage(
            "fedcba9876543210fedcba9876543210", notice, 2, kind, exercise, SubscriberLanguage.French,
            new Uri("https://allo.example.fr/rouen-metropole/notices/0123456789abcdef0123456789abcdef"),
            new Uri("https://allo.example.fr/abonnement/gerer/x"), new Uri("https://allo.example.fr/abonnement/desabonner/x"), communes, "Rouen Métropole");
    }
}
