using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// What a subscriber asked to be told about. Empty <see cref="Communes"/> and <see cref="Sites"/> mean the whole
/// territory; otherwise a notice matches when its site is listed or it can be perceived from a listed commune.
/// <see cref="Quiet"/> null means <see cref="QuietHours.Default"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.SubscriptionPreferences")]
public sealed record SubscriptionPreferences(
    [property: Id(0)] ImmutableArray<string> Communes,
    [property: Id(1)] ImmutableArray<string> Sites,
    [property: Id(2)] bool Drills,
    [property: Id(3)] SubscriberLanguage Language,
    [property: Id(4)] QuietHours? Quiet = null)
{
    /// <summary>The subscriber's quiet hours, or the default ones.</summary>
    public QuietHours QuietHoursOrDefault() => Quiet ?? QuietHours.Default;

    /// <summary>Everything in the territory, drills included, in French.</summary>
    public static SubscriptionPreferences Everything { get; } = new([], [], true, SubscriberLanguage.French);

    /// <summary>Whether a notice of <paramref name="site"/>, perceived from <paramref name="siteCommunes"/>, concerns this subscriber.</summary>
    public bool Matches(string site, IEnumerable<string> siteCommunes, bool exercise)
    {
        if (exercise && !Drills)
        {
            return false;
        }

        var communes = Communes.IsDefault ? [] : Communes;
        var sites = Sites.IsDefault ? [] : Sites;
        if (communes.Length == 0 && sites.Length == 0)
        {
            return true;
        }

        return sites.Contains(site, StringComparer.Ordinal) || siteCommunes.Any(c => communes.Contains(c, StringComparer.Ordinal));
    }
}
