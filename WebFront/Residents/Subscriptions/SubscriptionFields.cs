using System.Collections.Immutable;
using System.Globalization;
using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.WebFront.Residents.Subscriptions;

/// <summary>
/// What a resident filled in on the page's form, kept to show it again with the errors. <see cref="Night"/> says
/// whether the subscriber wants quiet hours, from <see cref="QuietStart"/> to <see cref="QuietEnd"/> as typed; a form
/// without these fields (a page rendered before they existed) keeps the default night.
/// </summary>
public sealed record SubscriptionFields(
    string? Email,
    string? Phone,
    ImmutableArray<string> Communes,
    ImmutableArray<string> Sites,
    bool Drills,
    SubscriberLanguage Language,
    bool Night,
    string? QuietStart,
    string? QuietEnd)
{
    public static SubscriptionFields Empty(bool english) => Of(SubscriptionPreferences.Everything with { Language = english ? SubscriberLanguage.English : SubscriberLanguage.French });

    public static SubscriptionFields Of(SubscriptionPreferences preferences)
    {
        var quiet = preferences.QuietHoursOrDefault();
        var night = quiet.Start != quiet.End;
        var shown = night ? quiet : QuietHours.Default;
        return new(null, null, preferences.Communes, preferences.Sites, preferences.Drills, preferences.Language, night, Time(shown.Start), Time(shown.End));
    }

    public static SubscriptionFields From(IFormCollection form) => new(
        form["email"].ToString(),
        form["phone"].ToString(),
        [.. form["communes"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)],
        [.. form["sites"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)],
        form["drills"] != "non",
        form["lang"] == "en" ? SubscriberLanguage.English : SubscriberLanguage.French,
        form["quiet"] != "aucune",
        form.ContainsKey("quietStart") ? form["quietStart"].ToString() : null,
        form.ContainsKey("quietEnd") ? form["quietEnd"].ToString() : null);

    /// <summary>The French problem with the quiet hours as typed, or null.</summary>
    public string? QuietProblem => Night && !Untouched ? SubscriptionRules.QuietProblem(QuietStart, QuietEnd, out _) : null;

    private bool Untouched => QuietStart is null && QuietEnd is null;

    /// <summary>The preferences, once <see cref="QuietProblem"/> is null.</summary>
    public SubscriptionPreferences Preferences
    {
        get
        {
            QuietHours? quiet = QuietHours.None;
            if (Night && Untouched)
            {
                quiet = null;
            }
            else if (Night)
            {
                SubscriptionRules.QuietProblem(QuietStart, QuietEnd, out quiet);
            }

            return new(Communes, Sites, Drills, Language, quiet);
        }
    }

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
