using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Dashboard.Authorization;
using AlloIndustrie.WebFront.Dashboard.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

/// <summary>Creates or edits a site of the territory: identity, location, communes, membership and suspension.</summary>
public sealed class SiteSettingsModel(IGrainFactory grains, DashboardGate gate, AuditTrail audit) : PageModel
{
    [FromRoute]
    public string Territory { get; set; } = "";

    [FromRoute]
    public string? Site { get; set; }

    [BindProperty]
    public SiteForm Form { get; set; } = new();

    [BindProperty]
    public string? NewSlug { get; set; }

    public bool IsNew => Site is null;

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await gate.Check(HttpContext, PerimeterAction.AdministerTerritory, "site.consulter", Territory, Site))
        {
            return Forbid();
        }

        if (await grains.GetGrain<ITerritoryGrain>(Territory).GetProfile() is null)
        {
            return NotFound();
        }

        if (Site is not null)
        {
            if (await grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, Site)).GetProfile() is not { } profile)
            {
                return NotFound();
            }

            Form = SiteForm.From(profile);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var slug = Site ?? NewSlug?.Trim() ?? "";
        if (!await gate.Check(HttpContext, PerimeterAction.AdministerTerritory, "site.configurer", Territory, slug))
        {
            return Forbid();
        }

        if (await grains.GetGrain<ITerritoryGrain>(Territory).GetProfile() is null)
        {
            return NotFound();
        }

        if (Site is null && !Identifiers.IsSite(slug))
        {
            Error = "L’identifiant ne peut contenir que des minuscules, des chiffres et des tirets (2 à 60).";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var grain = grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, slug));
        var before = await grain.GetProfile();
        Error = Form.Check();
        if (Site is null && before is not null)
        {
            Error = "Un site porte déjà cet identifiant dans ce territoire.";
        }

        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var after = await grain.Configure(Form.ToSettings());
        await audit.Changed(HttpContext, Territory, "site.configurer", SiteKey.Of(Territory, slug), before, after);
        return Redirect($"{DashboardExtensions.Root}/territoires/{Territory}?enregistre=true");
    }

    /// <summary>The site form as posted.</summary>
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
                    : TextRules.FirstProblem(
                        [(Name, "Le nom du site", false), (Company, "Le nom de l’entreprise", false), (Address, "L’adresse", false),
                         .. Communes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => ((string?)c, "Le nom de commune", false))]);

        // The membership ends at the start of the chosen day, Paris time.
        public SiteSettings ToSettings() => new(
            Name.Trim(), Company.Trim(), Address.Trim(), CoordinateText.Parse(Latitude) ?? 0, CoordinateText.Parse(Longitude) ?? 0,
            [.. Communes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            MembershipEndsOn is { } day ? ParisTime.FromLocal(day.ToDateTime(TimeOnly.MinValue)) : null,
            Suspended);
    }
}
