using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Dashboard.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

/// <summary>A territory's administration: moderation of its visible notices, its sites and its settings.</summary>
public sealed class TerritoryModel(IGrainFactory grains, DashboardGate gate, AuditTrail audit, TimeProvider clock) : PageModel
{
    [FromRoute]
    public string Territory { get; set; } = "";

    [FromQuery(Name = "enregistre")]
    public bool Saved { get; set; }

    public TerritoryProfile Profile { get; private set; } = null!;

    public ImmutableArray<SiteProfile> Sites { get; private set; } = [];

    public ImmutableArray<NoticeSnapshot> Current { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public string? Error { get; private set; }

    public ImmutableDictionary<string, string> Lexicon { get; private set; } = ImmutableDictionary<string, string>.Empty;

    public CommuneCentresForm Centres { get; private set; } = new();

    public ImmutableArray<string> CentreErrors { get; private set; } = [];

    private ITerritoryGrain Grain => grains.GetGrain<ITerritoryGrain>(Territory);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await gate.Check(HttpContext, PerimeterAction.AdministerTerritory, "territoire.consulter", Territory))
        {
            return Forbid();
        }

        return await Show();
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? phoneNumbers, string? greeting, int retentionDays)
    {
        if (!await gate.Check(HttpContext, PerimeterAction.AdministerTerritory, "territoire.configurer", Territory))
        {
            return Forbid();
        }

        if (await Grain.GetProfile() is not { } before)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(greeting) || retentionDays is < 1 or > 90)
        {
            Error = "Le nom et le message d’accueil sont obligatoires ; la durée d’affichage va de 1 à 90 jours.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show();
        }

        if (TextRules.FirstProblem((name, "Le nom du territoire", false), (greeting, "Le message d’accueil", true)) is { } problem)
        {
            Error = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show();
        }

        var phones = (phoneNumbers ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var taken = await grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).OthersHolding(Territory, [.. phones]);
        if (!taken.IsEmpty)
        {
            // In both trails: the territory whose calls would have been taken must learn that someone tried.
            foreach (var owner in taken)
            {
                await audit.Refused(HttpContext, Territory, "territoire.configurer", Territory, owner.Refusal);
                await audit.Refused(HttpContext, owner.Territory, "territoire.numero", owner.Territory, $"numéro {owner.Number} demandé pour le territoire {Territory}");
            }

            Error = string.Join(" ", taken.Select(o => o.Refusal));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await Show();
        }

        var after = await Grain.Configure(before with
        {
            Name = name.Trim(),
            PhoneNumbers = [.. phones],
            Greeting = greeting.Trim(),
            DefaultRetention = TimeSpan.FromDays(retentionDays),
        });
        await audit.Changed(HttpContext, Territory, "territoire.configurer", Territory, before, after);
        return RedirectToPage(new { Territory, enregistre = true });
    }

    public async Task<IActionResult> OnPostCommunesAsync(string[]? communes, string[]? latitudes, string[]? longitudes)
    {
        if (!await gate.Check(HttpContext, PerimeterAction.AdministerTerritory, "territoire.communes", Territory))
        {
            return Forbid();
        }

        if (await Grain.GetProfile() is not { } before)
        {
            return NotFound();
        }

        var form = CommuneCentresForm.Posted(communes ?? [], latitudes ?? [], longitudes ?? []);
        var sites = await Grain.GetSites();
        var errors = form.Check(sites);
        if (!errors.IsEmpty)
        {
            CentreErrors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show(form);
        }

        var after = await Grain.Configure(before with { CommuneCentres = form.ToCentres(before.CommuneCentres, sites) });
        await audit.Changed(HttpContext, Territory, "territoire.communes", Territory, new { centres = before.CommuneCentres }, new { centres = after.CommuneCentres });
        return RedirectToPage(new { Territory, enregistre = true });
    }

    public async Task<IActionResult> OnPostLexiconSetAsync(string? written, string? spoken)
    {
        if (!await gate.Check(HttpContext, PerimeterAction.AdministerTerritory, "lexique.modifier", Territory))
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(written) || string.IsNullOrWhiteSpace(spoken) || written.Length > 100 || spoken.Length > 200)
        {
            Error = "Indiquez le mot écrit (100 caractères au plus) et sa lecture (200 au plus).";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show();
        }

        if (TextRules.FirstProblem((written, "Le mot écrit", false), (spoken, "Sa lecture", false)) is { } problem)
        {
            Error = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show();
        }

        var lexicon = grains.GetGrain<IPronunciationLexiconGrain>(Territory);
        var before = (await lexicon.GetEntries()).GetValueOrDefault(written.Trim());
        await lexicon.SetEntry(written.Trim(), spoken.Trim());
        await audit.Changed(HttpContext, Territory, "lexique.modifier", written.Trim(), before is null ? null : new { lu = before }, new { lu = spoken.Trim() });
        return RedirectToPage(new { Territory, enregistre = true });
    }

    public async Task<IActionResult> OnPostLexiconRemoveAsync(string? written)
    {
        if (!await gate.Check(HttpContext, PerimeterAction.AdministerTerritory, "lexique.supprimer", Territory))
        {
            return Forbid();
        }

        var lexicon = grains.GetGrain<IPronunciationLexiconGrain>(Territory);
        if (written is not null && (await lexicon.GetEntries()).TryGetValue(written, out var before))
        {
            await lexicon.RemoveEntry(written);
            await audit.Changed(HttpContext, Territory, "lexique.supprimer", written, new { lu = before }, null);
        }

        return RedirectToPage(new { Territory, enregistre = true });
    }

    /// <summary>The page; <paramref name="centres"/> keeps what was typed in a refused form of commune centres.</summary>
    private async Task<IActionResult> Show(CommuneCentresForm? centres = null)
    {
        if (await Grain.GetProfile() is not { } profile)
        {
            return NotFound();
        }

        Profile = profile;
        Sites = await Grain.GetSites();
        Current = await Grain.GetPublicNotices();
        Now = clock.GetUtcNow();
        Lexicon = await grains.GetGrain<IPronunciationLexiconGrain>(Territory).GetEntries();
        Centres = centres ?? CommuneCentresForm.From(Sites, profile.CommuneCentres);
        return Page();
    }
}
