using System.Globalization;
using System.Text;

namespace AlloIndustrie.WebFront.Voice.Sms;

/// <summary>What a subscriber's reply means, and the service's answers to it.</summary>
public static class SmsReplies
{
    /// <summary>The words that unsubscribe, written plain (capitals, no accents): Twilio's own and French ones.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "STOP", "ARRET", "ARRETER", "STOPALL", "UNSUBSCRIBE", "DESABONNER", "DESINSCRIRE", "CANCEL", "END", "QUIT",
    };

    public const string Stopped = "AlloIndustrie : vous êtes désabonné(e), vous ne recevrez plus de SMS de ce service. Pour vous réabonner, rendez-vous sur la page de votre territoire.";

    public const string Help = "AlloIndustrie : ce numéro envoie des messages automatiques, les réponses ne sont pas lues. Pour ne plus recevoir de SMS, répondez STOP.";

    /// <summary>
    /// Whether <paramref name="body"/> asks to stop: one of the words in any case, with or without accents, with
    /// spaces or a final punctuation mark around it (<c>" Arrêt ! "</c>).
    /// </summary>
    public static bool IsStop(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        var plain = new StringBuilder();
        foreach (var c in body.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c);
            }
        }

        var word = plain.ToString().Trim().TrimEnd('.', '!', '?', ' ', '\u00A0').Trim().ToUpperInvariant();
        return StopWords.Contains(word);
    }
}
