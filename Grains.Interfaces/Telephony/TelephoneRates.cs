using System.Collections.Immutable;
using System.Globalization;

namespace AlloIndustrie.Grains.Interfaces.Telephony;

/// <summary>
/// How fast a territory's SMS and calls may go to Twilio, whatever the number of silos: Twilio sends about 1 SMS a
/// second per number and places 1 call a second per account by default; a territory with a Messaging Service of
/// several numbers, or a higher calls-per-second limit bought from Twilio, sets more.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.TelephoneRates")]
public sealed record TelephoneRates(
    [property: Id(0)] int SmsPerSecond,
    [property: Id(1)] int CallsPerSecond)
{
    /// <summary>The most either rate may be: beyond it, Twilio's own limits (a short code's 100 messages a second) would refuse anyway.</summary>
    public const int Max = 100;

    /// <summary>Twilio's defaults, what a territory has until its administrator sets its own.</summary>
    public static TelephoneRates Twilio { get; } = new(1, 1);

    /// <summary>The French problems of the rates, by field (<c>sms</c>, <c>calls</c>); empty when both are whole numbers from 1 to <see cref="Max"/>.</summary>
    public static ImmutableDictionary<string, string> Problems(string? sms, string? calls, out TelephoneRates? rates)
    {
        var problems = ImmutableDictionary<string, string>.Empty;
        var smsRate = Rate(sms);
        var callRate = Rate(calls);
        if (smsRate is null)
        {
            problems = problems.Add("sms", $"Indiquez un nombre entier de SMS par seconde, de 1 à {Max}.");
        }

        if (callRate is null)
        {
            problems = problems.Add("calls", $"Indiquez un nombre entier d’appels par seconde, de 1 à {Max}.");
        }

        rates = problems.IsEmpty ? new TelephoneRates(smsRate!.Value, callRate!.Value) : null;
        return problems;
    }

    /// <summary>The same checks on rates already read as numbers (the grain checks again what the web front sends).</summary>
    public ImmutableDictionary<string, string> Problems() =>
        Problems(SmsPerSecond.ToString(CultureInfo.InvariantCulture), CallsPerSecond.ToString(CultureInfo.InvariantCulture), out _);

    /// <summary>The time <paramref name="messages"/> take at <paramref name="perSecond"/>.</summary>
    public static TimeSpan Duration(long messages, int perSecond) => TimeSpan.FromSeconds((double)messages / Math.Max(1, perSecond));

    private static int? Rate(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var rate) && rate is >= 1 and <= Max ? rate : null;
}
