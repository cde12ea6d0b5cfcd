using System.Globalization;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Telephony;

namespace AlloIndustrie.WebFront.Dashboard.Components;

/// <summary>How long what is left of a delivery takes at the territory's rates: "2 300 appels : 40 min".</summary>
public static class TelephoneEta
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The estimate for <paramref name="left"/> messages of a telephone channel, null for the other channels or nothing left.</summary>
    public static string? Of(SubscriptionChannel channel, int left, TelephoneRates rates)
    {
        if (left <= 0 || channel is not (SubscriptionChannel.Sms or SubscriptionChannel.Voice))
        {
            return null;
        }

        var sms = channel == SubscriptionChannel.Sms;
        var duration = TelephoneRates.Duration(left, sms ? rates.SmsPerSecond : rates.CallsPerSecond);
        var what = sms ? "SMS" : left == 1 ? "appel" : "appels";
        return $"{left.ToString("N0", French)} {what} : {Duration(duration)}";
    }

    private static string Duration(TimeSpan duration) => duration switch
    {
        { TotalMinutes: < 1 } => "moins d’une minute",
        { TotalHours: < 1 } => $"{Math.Ceiling(duration.TotalMinutes).ToString(French)} min",
        _ => $"{Math.Floor(duration.TotalHours).ToString(French)} h {duration.Minutes:00}",
    };
}
