using AlloIndustrie.Grains.Interfaces.Territories;

namespace AlloIndustrie.WebFront.Residents.Pages;

/// <summary>Phone numbers as the French numbering plan writes them for people.</summary>
public static class PhoneDisplay
{
    /// <summary>
    /// A French number in national form: "0 805 76 00 01" for the 08 special numbers (as their operators
    /// print them), "02 35 00 00 00" for the others; any other number as E.164.
    /// </summary>
    public static string National(string number)
    {
        var e164 = PhoneNumber.Normalize(number);
        if (!e164.StartsWith("+33", StringComparison.Ordinal) || e164.Length != 12)
        {
            return e164;
        }

        var national = "0" + e164[3..];
        return national[1] == '8'
            ? $"0 {national[1..4]} {national[4..6]} {national[6..8]} {national[8..10]}"
            : $"{national[..2]} {national[2..4]} {national[4..6]} {national[6..8]} {national[8..10]}";
    }

    /// <summary>
    /// Free to call from any phone, as the territory says (<paramref name="territorySays"/>); when it says nothing,
    /// the French plan decides: 0800 to 0805 are free numbers ("numéros verts").
    /// </summary>
    public static bool IsFreeToCall(string number, bool? territorySays)
    {
        if (territorySays is { } said)
        {
            return said;
        }

        var e164 = PhoneNumber.Normalize(number);
        return e164.Length == 12 && e164.StartsWith("+3380", StringComparison.Ordinal) && e164[5] is >= '0' and <= '5';
    }
}
