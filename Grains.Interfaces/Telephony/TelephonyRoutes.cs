using System.Diagnostics.CodeAnalysis;

namespace AlloIndustrie.Grains.Interfaces.Telephony;

/// <summary>
/// The web front's routes the telephone channels name to Twilio and to subscribers: the silo writes them into
/// messages and requests, the web front serves them.
/// </summary>
public static class TelephonyRoutes
{
    /// <summary>Twilio's incoming SMS webhook (STOP and other replies).</summary>
    public const string SmsIncoming = "/sms/incoming";

    /// <summary>The status callback of every SMS the service sends.</summary>
    public const string SmsStatus = "/sms/status";

    /// <summary>A notice's short link in an SMS, which redirects to its page.</summary>
    public const string ShortNotice = "/n/{code}";

    /// <summary>The query parameter of <see cref="SmsStatus"/> naming the subscription the message was for.</summary>
    public const string SubscriptionParameter = "abonnement";

    /// <summary>The short link's code of a notice id (32 hexadecimal digits): its 16 bytes in base64url, 22 characters.</summary>
    public static string ShortCode(string noticeId) =>
        Convert.ToBase64String(Convert.FromHexString(noticeId)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The notice id of a short link's code, or false for anything that is not exactly one.</summary>
    public static bool TryNoticeId(string? code, [NotNullWhen(true)] out string? noticeId)
    {
        noticeId = null;
        if (code is not { Length: 22 } || code.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return false;
        }

        var bytes = Convert.FromBase64String(code.Replace('-', '+').Replace('_', '/') + "==");
        var id = Convert.ToHexStringLower(bytes);

        // One spelling per id: a code whose last character carries stray bits is not that notice's.
        if (ShortCode(id) != code)
        {
            return false;
        }

        noticeId = id;
        return true;
    }
}
