using System.Text;

namespace AlloIndustrie.Grains.Interfaces.Territories;

/// <summary>Phone numbers are compared in E.164, whatever way an administrator or a carrier wrote them.</summary>
public static class PhoneNumber
{
    public static string Normalize(string number)
    {
        var digits = new StringBuilder();
        foreach (var c in number.Trim())
        {
            if (char.IsAsciiDigit(c) || (c == '+' && digits.Length == 0))
            {
                digits.Append(c);
            }
        }

        var compact = digits.ToString();
        if (compact.StartsWith("00", StringComparison.Ordinal))
        {
            return "+" + compact[2..];
        }

        // A French national number: 0 followed by nine digits.
        return compact.Length == 10 && compact[0] == '0' ? "+33" + compact[1..] : compact;
    }
}
