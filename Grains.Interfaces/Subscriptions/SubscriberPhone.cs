using System.Diagnostics.CodeAnalysis;

namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// The telephone numbers a subscription may have, as French people write them (<c>06 12 34 56 78</c>,
/// <c>06.12.34.56.78</c>, <c>+33 6 12 34 56 78</c>, <c>+33 (0)6…</c>, <c>0033 6…</c>), read into E.164
/// (<c>+33612345678</c>). French numbers only: mobiles (06, 07) for SMS and calls, landlines (01 to 05, 09) for
/// calls; never a premium-rate or special number (08…), a short code or a foreign number, so that nobody can
/// make the service text or call a paying line.
/// </summary>
public static class SubscriberPhone
{
    /// <summary>Longest number as typed that is read at all.</summary>
    public const int MaxLength = 30;

    /// <summary>The number in E.164, or the French reason it cannot take <paramref name="channel"/>'s messages.</summary>
    public static bool TryParse(string? typed, SubscriptionChannel channel, [NotNullWhen(true)] out string? e164, [NotNullWhen(false)] out string? problem)
    {
        e164 = null;
        problem = Problem(typed, channel, out var national);
        if (problem is not null)
        {
            return false;
        }

        e164 = "+33" + national;
        return true;
    }

    private static string? Problem(string? typed, SubscriptionChannel channel, out string national)
    {
        national = "";
        if (string.IsNullOrWhiteSpace(typed))
        {
            return "Indiquez votre numéro de téléphone.";
        }

        var text = typed.Trim();
        if (text.Length > MaxLength || text.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '/' or '(' or ')' or '+' || c == '\u00A0' || c == '\u202F')))
        {
            return Invalid;
        }

        // "+33 (0)6 12…": the national 0 that some write in brackets after the country code.
        text = text.Replace("(0)", "", StringComparison.Ordinal);
        if (text.LastIndexOf('+') > 0)
        {
            return Invalid;
        }

        var digits = string.Concat(text.Where(char.IsAsciiDigit));
        string? nsn = null;
        if (text.StartsWith('+'))
        {
            nsn = digits.StartsWith("33", StringComparison.Ordinal) ? digits[2..] : null;
            if (nsn is null)
            {
                return Foreign;
            }
        }
        else if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            nsn = digits.StartsWith("0033", StringComparison.Ordinal) ? digits[4..] : null;
            if (nsn is null)
            {
                return Foreign;
            }
        }
        else if (digits.Length <= 6)
        {
            return "Les numéros courts ne sont pas acceptés : indiquez un numéro à 10 chiffres (06 12 34 56 78).";
        }
        else if (digits.Length == 10 && digits[0] == '0')
        {
            nsn = digits[1..];
        }

        // "+33 06…": the national 0 kept after the country code.
        if (nsn is { Length: 10 } && nsn[0] == '0')
        {
            nsn = nsn[1..];
        }

        if (nsn is not { Length: 9 } || nsn[0] == '0')
        {
            return Invalid;
        }

        switch (nsn[0])
        {
            case '8' when nsn[1] is '1' or '2' or '9':
                return "Les numéros surtaxés (081, 082, 089) ne sont pas acceptés.";
            case '8':
                return "Les numéros spéciaux en 08 ne sont pas acceptés : indiquez un portable ou un fixe.";
            case '6' or '7':
                break;
            default:
                if (channel != SubscriptionChannel.Voice)
                {
                    return "Ce numéro est un fixe : les SMS demandent un portable (06 ou 07).";
                }

                break;
        }

        national = nsn;
        return null;
    }

    private const string Invalid = "Le numéro n’est pas valable : écrivez-le comme 06 12 34 56 78 ou +33 6 12 34 56 78.";

    private const string Foreign = "Seuls les numéros français sont acceptés (06, 07, 01 à 05, 09, ou +33).";
}
