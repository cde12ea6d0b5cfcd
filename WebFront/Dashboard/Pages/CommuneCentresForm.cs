using System.Collections.Immutable;
using System.Globalization;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

/// <summary>
/// The centres of a territory's communes as its administration shows and posts them: one row for each commune
/// its sites are perceived from, in French alphabetical order.
/// </summary>
public sealed class CommuneCentresForm
{
    /// <summary>
    /// A commune perceiving a site is never this far from every site: a centre that is was mistyped, most often
    /// with its latitude and longitude swapped.
    /// </summary>
    public const double MaxDistanceFromSitesKm = 50;

    private static readonly StringComparer French = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), false);

    public ImmutableArray<CommuneCentreRow> Rows { get; private init; } = [];

    /// <summary>The stored centres of the communes the sites list now; others are dropped at the next save.</summary>
    public static CommuneCentresForm From(ImmutableArray<SiteProfile> sites, ImmutableArray<CommuneCentre> centres) => new()
    {
        Rows =
        [
            .. Communes(sites).Select(commune => centres.FirstOrDefault(c => c.Commune == commune) is { } centre
                ? new CommuneCentreRow(commune, CoordinateText.Format(centre.Latitude), CoordinateText.Format(centre.Longitude))
                : new CommuneCentreRow(commune, "", "")),
        ],
    };

    /// <summary>The rows as posted; missing cells read as blank, and <see cref="Check"/> refuses what does not fit.</summary>
    public static CommuneCentresForm Posted(string[] communes, string[] latitudes, string[] longitudes) => new()
    {
        Rows = [.. communes.Select((commune, i) => new CommuneCentreRow(commune, latitudes.ElementAtOrDefault(i) ?? "", longitudes.ElementAtOrDefault(i) ?? ""))],
    };

    /// <summary>Every error of the form, in French, naming the commune; empty if it can be saved.</summary>
    public ImmutableArray<string> Check(ImmutableArray<SiteProfile> sites)
    {
        var communes = Communes(sites).ToHashSet(StringComparer.Ordinal);
        var errors = ImmutableArray.CreateBuilder<string>();
        if (Rows.Select(r => r.Commune).Distinct(StringComparer.Ordinal).Count() != Rows.Length)
        {
            errors.Add("Une commune figure deux fois dans le formulaire : rechargez la page.");
        }

        foreach (var row in Rows)
        {
            if (!communes.Contains(row.Commune))
            {
                errors.Add($"« {row.Commune} » n’est pas une commune des sites du territoire : rechargez la page.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(row.Latitude) && string.IsNullOrWhiteSpace(row.Longitude))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(row.Latitude) || string.IsNullOrWhiteSpace(row.Longitude))
            {
                errors.Add($"« {row.Commune} » : indiquez la latitude et la longitude du centre, ou aucune des deux.");
                continue;
            }

            var latitude = CoordinateText.Parse(row.Latitude);
            var longitude = CoordinateText.Parse(row.Longitude);
            if (latitude is not (>= -90 and <= 90))
            {
                errors.Add($"« {row.Commune} » : la latitude doit être un nombre entre -90 et 90, par exemple 49.443.");
            }
            else if (longitude is not (>= -180 and <= 180))
            {
                errors.Add($"« {row.Commune} » : la longitude doit être un nombre entre -180 et 180, par exemple 1.099.");
            }
            else if (sites.All(s => Coordinates.DistanceKm(latitude.Value, longitude.Value, s.Latitude, s.Longitude) > MaxDistanceFromSitesKm))
            {
                errors.Add($"« {row.Commune} » : ce centre est à plus de {MaxDistanceFromSitesKm:0} km de tous les sites du territoire. "
                    + "Vérifiez la latitude et la longitude (sont-elles inversées ?).");
            }
        }

        return errors.ToImmutable();
    }

    /// <summary>
    /// The centres to store, once <see cref="Check"/> found nothing wrong: a posted row sets or (blank) removes its
    /// commune's centre; a commune the form did not show — a site listed it since the page was read — keeps its own.
    /// </summary>
    public ImmutableArray<CommuneCentre> ToCentres(ImmutableArray<CommuneCentre> current, ImmutableArray<SiteProfile> sites)
    {
        var posted = Rows.ToDictionary(r => r.Commune, StringComparer.Ordinal);
        return
        [
            .. Communes(sites)
                .Select(commune => !posted.TryGetValue(commune, out var row)
                    ? current.FirstOrDefault(c => c.Commune == commune)
                    : string.IsNullOrWhiteSpace(row.Latitude)
                        ? null
                        : new CommuneCentre(commune, CoordinateText.Parse(row.Latitude)!.Value, CoordinateText.Parse(row.Longitude)!.Value))
                .OfType<CommuneCentre>(),
        ];
    }

    private static IEnumerable<string> Communes(ImmutableArray<SiteProfile> sites) =>
        sites.SelectMany(s => s.Communes.IsDefault ? [] : s.Communes).Distinct(StringComparer.Ordinal).Order(French);
}
