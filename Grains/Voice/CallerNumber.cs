using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace AlloIndustrie.Grains.Voice;

/// <summary>Whether the number Twilio gives as a call's <c>From</c> is one the service can call back.</summary>
internal static partial class CallerNumber
{
    /// <summary>
    /// What Twilio puts in <c>From</c> for a withheld number instead of leaving it out: the words spelt on a keypad
    /// (ANONYMOUS, RESTRICTED, UNKNOWN, BLOCKED), each written as an E.164 number.
    /// </summary>
    private static readonly ImmutableHashSet<string> Withheld = ["+266696687", "+7378742833", "+8656696", "+2562533"];

    /// <summary>The number in E.164 if it can be called back, else null (withheld, a browser client, a SIP address).</summary>
    public static string? Callable(string? from)
    {
        var number = from?.Trim();
        return number is not null && E164().IsMatch(number) && !Withheld.Contains(number) ? number : null;
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
