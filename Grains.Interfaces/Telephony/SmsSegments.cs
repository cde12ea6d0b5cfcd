using System.Text;

namespace AlloIndustrie.Grains.Interfaces.Telephony;

/// <summary>How an SMS travels: GSM 03.38's 7-bit alphabet, or UCS-2 for a text with any other character.</summary>
public enum SmsEncoding
{
    Gsm7 = 0,
    Ucs2 = 1,
}

/// <summary>The length of a text as carriers count it, and how many segments (billed messages) it takes.</summary>
/// <param name="Encoding">GSM-7 when every character is in its alphabet, else UCS-2.</param>
/// <param name="Units">Septets (an extension character takes two) or UTF-16 units.</param>
/// <param name="Segments">Parts the text is sent in: 1 up to 160 septets or 70 units, then 153 or 67 per part.</param>
public readonly record struct SmsLength(SmsEncoding Encoding, int Units, int Segments);

/// <summary>
/// SMS segments (3GPP TS 23.038 and 23.040): what an SMS costs, since Twilio bills each segment. A character of
/// the extension table (<c>€ [ ] { } ^ ~ | \</c>) takes an escape and itself, and is never split between two
/// parts; neither is a UTF-16 surrogate pair.
/// </summary>
public static class SmsSegments
{
    /// <summary>The longest notice SMS, in segments.</summary>
    public const int MaxSegments = 2;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    /// <summary>The length and segments of <paramref name="text"/>.</summary>
    public static SmsLength Measure(string text)
    {
        if (IsGsm7(text))
        {
            var septets = 0;
            foreach (var c in text)
            {
                septets += Septets(c);
            }

            return new SmsLength(SmsEncoding.Gsm7, septets, septets <= 160 ? 1 : Parts(text, 153, Septets));
        }

        return new SmsLength(SmsEncoding.Ucs2, text.Length, text.Length <= 70 ? 1 : Parts(text, 67, _ => 1));
    }

    /// <summary>Whether every character is in GSM-7's alphabet or its extension.</summary>
    public static bool IsGsm7(string text)
    {
        foreach (var c in text)
        {
            if (Septets(c) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The text with typographic punctuation written as GSM-7 has it (’ and ‘ as ', « » “ ” as ", dashes as -,
    /// … as ..., the non-breaking spaces French typography puts before : ; ! ? as spaces, œ as oe), as Twilio's
    /// "smart encoding" does: so that an apostrophe alone does not double what an SMS costs. Letters with accents
    /// GSM-7 lacks (ê, â, ç…) are kept: the text then goes in UCS-2.
    /// </summary>
    public static string Plain(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            plain.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u2032' or '\u02BC' => "'",
                '\u00AB' or '\u00BB' or '\u201C' or '\u201D' or '\u201E' or '\u2033' => "\"",
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => "-",
                '\u2026' => "...",
                '\u00A0' or '\u202F' or '\u2007' or '\u2009' or '\u200A' or '\t' => " ",
                '\u0153' => "oe",
                '\u0152' => "OE",
                _ => c.ToString(),
            });
        }

        return plain.ToString();
    }

    private static int Septets(char c) => Basic.Contains(c, StringComparison.Ordinal) ? 1 : Extension.Contains(c, StringComparison.Ordinal) ? 2 : 0;

    /// <summary>Parts of <paramref name="size"/> units, a character (or surrogate pair) never split between two.</summary>
    private static int Parts(string text, int size, Func<char, int> units)
    {
        var parts = 1;
        var used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : units(text[i]);
            if (used + width > size)
            {
                parts++;
                used = 0;
            }

            used += width;
            if (width == 2 && char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return parts;
    }
}
