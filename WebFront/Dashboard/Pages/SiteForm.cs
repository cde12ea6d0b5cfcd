using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.WebFront.Dashboard.Reports;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

/// <summary>A site of the territory as its settings form shows and posts it.</summary>
public sealed class SiteForm
{
    public string Name { get; set; } = "";
    public string Company { get; set; } = "";
    public string Address { get; set; } = "";
    // Text, read by CoordinateText rather than by model binding, which would follow the server's culture.
    public string Latitude { get; set; } = "";
    public string Longitude { get; set; } = "";
    public string Communes { get; set; } = "";
    public DateOnly? MembershipEndsOn { get; set; }
    public bool Suspended { get; set; }

    public static SiteForm From(SiteProfile site) => new()
    {
        Name = site.Name,
        Company = site.Company,
        Address = site.Address,
        Latitude = CoordinateText.Format(site.Latitude),
        Longitude = CoordinateText.Format(site.Longitude),
        Communes = string.Join("\n", site.Communes),
        MembershipEndsOn = site.MembershipEndsAt is { } end ? DateOnly.FromDateTime(ParisTime.Of(end).DateTime) : null,
        Suspended = site.Suspended,
    };

    public string? Check() =>
        string.IsNullOrWhiteSpace(Name) || string.IsNullOrWhiteSpace(Company) || string.IsNullOrWhiteSpace(Address)
            ? "Le nom, l’entreprise et l’adresse sont obligatoires."
            : CoordinateText.Parse(Latitude) is not (>= -90 and <= 90) || CoordinateText.Parse(Longitude) is not (>= -180 and <= 180)
                ? "Coordonnées invalides : latitude entre -90 et 90, longitude entre -180 et 180."
                : SiteRules.Problem(SiteRules.Normalized(ToSettings()));

    // The membership ends at the start of the chosen day, Paris time.
    public SiteSettings ToSettings() => new(
        Name.Trim(), Company.Trim(), Address.Trim(), CoordinateText.Parse(Latitude) ?? 0, CoordinateText.Parse(Longitude) ?? 0,
        [.. Communes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        MembershipEndsOn is { } day ? ParisTime.FromLocal(day.ToDateTime(TimeOnly.MinValue)) : null,
        Suspended);
}
