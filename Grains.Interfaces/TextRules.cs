using System.Globalization;
using System.Text;

namespace AlloIndustrie.Grains.Interfaces;

/// <summary>
/// What free text may contain before it reaches a page, a feed, TwiML or the synthesiser: no control character
/// (C0, DEL, C1; tab and line breaks only where the field has several lines), no noncharacter (U+FFFE, U+FFFF…),
/// no lone half of a surrogate pair, and at least one visible character. XML cannot carry most of these, and
/// text of invisible characters only reads as an empty notice. One rule for every field, its message French.
/// </summary>
public static class TextRules
{
    /// <summary>Characters that take up no visible room yet are neither white space nor a format character.</summary>
    private static readonly HashSet<int> Fillers = [0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x2800, 0x3164, 0xFFA0];

    /// <summary>
    /// Null when <paramref name="value"/> (null or empty is left to the field's own "required" rule) holds only
    /// allowed characters; otherwise the French error naming the field by <paramref name="label"/> ("Le titre").
    /// </summary>
    public static string? Problem(string? value, string label, bool multiline = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var visible = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var rune = new Rune(c, value[++i]);
                if (IsNoncharacter(rune.Value))
                {
                    return Refused(label, rune.Value);
                }

                visible |= IsVisible(rune);
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return Refused(label, c);
            }

            if (c is '\n' or '\r' or '\t' ? !multiline : char.IsControl(c) || IsNoncharacter(c))
            {
                return c is '\n' or '\r' or '\t'
                    ? $"{label} doit tenir sur une seule ligne (sans tabulation ni retour à la ligne)."
                    : Refused(label, c);
            }

            visible |= IsVisible(new Rune(c));
        }

        return visible ? null : $"{label} ne contient aucun caractère visible.";
    }

    /// <summary>The first problem among several fields, each given as (value, label, multiline).</summary>
    public static string? FirstProblem(params (string? Value, string Label, bool Multiline)[] fields) =>
        fields.Select(field => Problem(field.Value, field.Label, field.Multiline)).FirstOrDefault(problem => problem is not null);

    private static string Refused(string label, int codePoint) =>
        string.Create(CultureInfo.InvariantCulture, $"{label} contient un caractère invisible ou de contrôle interdit (U+{codePoint:X4}) : retirez-le.");

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    private static bool IsVisible(Rune rune) =>
        !Rune.IsWhiteSpace(rune)
        && !Fillers.Contains(rune.Value)
        && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Format or UnicodeCategory.Control
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark);
}
