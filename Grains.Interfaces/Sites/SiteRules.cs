using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Territories;

namespace AlloIndustrie.Grains.Interfaces.Sites;

/// <summary>
/// The limits of a site's texts, shared by the dashboard's form (to say what is wrong) and the site and territory
/// grains (which never trust their caller: a site's name and communes reach every page, feed, CAP area and call).
/// </summary>
public static class SiteRules
{
    public const int NameMaxLength = 120;
    public const int CompanyMaxLength = 120;
    public const int AddressMaxLength = 200;
    public const int CommuneMaxLength = 100;
    public const int MaxCommunes = 100;

    /// <summary>The first problem of a site's fields, or null when every one may be stored and shown.</summary>
    public static string? Problem(string? name, string? company, string? address, double latitude, double longitude, IReadOnlyCollection<string> communes)
    {
        ArgumentNullException.ThrowIfNull(communes);
        return string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(company) || string.IsNullOrWhiteSpace(address)
            ? "Le nom, l’entreprise et l’adresse sont obligatoires."
            : !Coordinates.IsPossible(latitude, longitude)
                ? "Coordonnées invalides : latitude entre -90 et 90, longitude entre -180 et 180."
                : name.Length > NameMaxLength ? $"Le nom du site ne doit pas dépasser {NameMaxLength} caractères."
                : company.Length > CompanyMaxLength ? $"Le nom de l’entreprise ne doit pas dépasser {CompanyMaxLength} caractères."
                : address.Length > AddressMaxLength ? $"L’adresse ne doit pas dépasser {AddressMaxLength} caractères."
                : communes.Count > MaxCommunes ? $"Un site est perçu depuis {MaxCommunes} communes au plus."
                : communes.Any(c => c.Length > CommuneMaxLength) ? $"Un nom de commune ne doit pas dépasser {CommuneMaxLength} caractères."
                : TextRules.FirstProblem(
                    [(name, "Le nom du site", false), (company, "Le nom de l’entreprise", false), (address, "L’adresse", false),
                     .. communes.Select(c => ((string?)c, "Le nom de commune", false))]);
    }

    public static string? Problem(SiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Problem(settings.Name, settings.Company, settings.Address, settings.Latitude, settings.Longitude, settings.Communes.IsDefault ? [] : settings.Communes);
    }

    public static string? Problem(SiteProfile site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return Problem(site.Name, site.Company, site.Address, site.Latitude, site.Longitude, site.Communes.IsDefault ? [] : site.Communes);
    }

    /// <summary><paramref name="settings"/> as they are stored: texts without the spaces around them, each commune once.</summary>
    public static SiteSettings Normalized(SiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with
        {
            Name = settings.Name?.Trim() ?? "",
            Company = settings.Company?.Trim() ?? "",
            Address = settings.Address?.Trim() ?? "",
            Communes = Communes(settings.Communes),
        };
    }

    private static ImmutableArray<string> Communes(ImmutableArray<string> communes) =>
        communes.IsDefault ? [] : [.. communes.Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)];
}
