using System.Text;

namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>
/// Phone numbers in E.164, the form Twilio sends in <c>To</c>; numbers typed by people in the French way
/// ("0 800 12 34 56", "+33 (0)8 00…") are brought to the same form so that they compare equal.
/// </summary>
public static class PhoneNumbers
{
    private const string FranceCallingCode = "33";

    /// <summary>The number in E.164 (<c>+</c> and 8 to 15 digits), or null if it is not a phone number.</summary>
    public static string? ToE164(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();
        var international = text.StartsWith('+');
        var digits = new StringBuilder(text.Length);
        for (var i = international ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '.' or '-' or '(' or ')' or '\u00A0'))
            {
                return null;
            }
        }

        var number = digits.ToString();
        if (!international && number.StartsWith("00", StringComparison.Ordinal))
        {
            number = number[2..];
            international = true;
        }

        if (!international)
        {
            // A national French number: the trunk prefix 0 gives way to the country code.
            if (number.Length != 10 || number[0] != '0')
            {
                return null;
            }

            number = FranceCallingCode + number[1..];
        }
        else if (number.StartsWith(FranceCallingCode + "0", StringComparison.Ordinal) && number.Length == 12)
        {
            // "+33 (0)8 00…": the trunk prefix written in brackets is not dialled from abroad.
            number = FranceCallingCode + number[3..];
        }

        return number.Length is >= 8 and <= 15 && number[0] != '0' ? "+" + number : null;
    }
}
