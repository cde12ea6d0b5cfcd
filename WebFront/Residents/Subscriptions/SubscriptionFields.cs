using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.WebFront.Residents.Subscriptions;

/// <summary>What a resident filled in on the page's form, kept to show it again with the errors.</summary>
public sealed record SubscriptionFields(
    string? Email,
    string? Phone,
    ImmutableArray<string> Communes,
    ImmutableArray<string> Sites,
    bool Drills,
    SubscriberLanguage Language)
{
    public static SubscriptionFields Empty(bool english) => new(null, null, [], [], true, english ? SubscriberLanguage.English : SubscriberLanguage.French);

    public static SubscriptionFields Of(SubscriptionPreferences preferences) =>
        new(null, null, preferences.Communes, preferences.Sites, preferences.Drills, preferences.Language);

    public static SubscriptionFields From(IFormCollection form) => new(
        form["email"].ToString(),
        form["phone"].ToString(),
        [.. form["communes"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)],
        [.. form["sites"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)],
        form["drills"] != "non",
        form["lang"] == "en" ? SubscriberLanguage.English : SubscriberLanguage.French);

    public SubscriptionPreferences Preferences => new(Communes, Sites, Drills, Language);
}
