using System.Globalization;
using AlloIndustrie.Grains.Interfaces;

namespace AlloIndustrie.Grains.Speech;

/// <summary>
/// Dates and times as a French voice should say them, in the territories' time zone: "14 heures 30",
/// "midi", "le lundi 1er décembre". Digits are kept: the synthesiser reads them as words, and the same
/// text stays readable on screen.
/// </summary>
public static class SpokenFrench
{
    private static readonly DateTimeFormatInfo Names = CultureInfo.GetCultureInfo("fr-FR").DateTimeFormat;

    /// <summary>The time of day: "14 heures 30", "1 heure", "midi", "minuit".</summary>
    public static string Time(DateTimeOffset at)
    {
        var local = ParisTime.Of(at);
        return (local.Hour, local.Minute) switch
        {
            (0, 0) => "minuit",
            (12, 0) => "midi",
            (var h, 0) => Hours(h),
            (var h, var m) => string.Create(CultureInfo.InvariantCulture, $"{Hours(h)} {m}"),
        };
    }

    /// <summary>The day, without article, so that callers choose "le" or "du": "lundi 1er décembre".</summary>
    public static string Day(DateTimeOffset at)
    {
        var local = ParisTime.Of(at);
        var day = local.Day == 1 ? "1er" : local.Day.ToString(CultureInfo.InvariantCulture);
        return $"{Names.GetDayName(local.DayOfWeek)} {day} {Names.GetMonthName(local.Month)}";
    }

    /// <summary>The day and time, without article: "lundi 23 novembre à 14 heures 30".</summary>
    public static string DayAndTime(DateTimeOffset at) => $"{Day(at)} à {Time(at)}";

    /// <summary>
    /// When <paramref name="at"/> falls, said live at <paramref name="now"/>: "aujourd’hui à 14 heures",
    /// "demain à 11 heures", else "le mercredi 2 décembre à 11 heures". Only for what is said at once, never
    /// in a recording heard for days.
    /// </summary>
    public static string When(DateTimeOffset at, DateTimeOffset now)
    {
        var days = ParisTime.DaysBetween(now, at);
        return days switch
        {
            0 => $"aujourd’hui à {Time(at)}",
            1 => $"demain à {Time(at)}",
            _ => $"le {DayAndTime(at)}",
        };
    }

    /// <summary>A count with its noun: "aucun événement", "1 événement", "3 événements".</summary>
    public static string Count(int count, string singular, string plural) => count switch
    {
        0 => $"aucun {singular}",
        1 => $"1 {singular}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{count} {plural}"),
    };

    /// <summary>The text with a final full stop if it has no closing punctuation, so that sentences do not run on.</summary>
    public static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' or '…' ? trimmed : trimmed + ".";
    }

    private static string Hours(int hours) =>
        string.Create(CultureInfo.InvariantCulture, $"{hours} {(hours == 1 ? "heure" : "heures")}");
}
