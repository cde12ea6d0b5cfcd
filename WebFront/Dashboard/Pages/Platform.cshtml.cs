using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Accounts;
using AlloIndustrie.Grains.Interfaces.Audit;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Dashboard.Accounts;
using AlloIndustrie.WebFront.Dashboard.Authorization;
using AlloIndustrie.WebFront.Dashboard.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

/// <summary>The super administrators' page: territories, and accounts of every role.</summary>
public sealed class PlatformModel(
    IGrainFactory grains, DashboardGate gate, CurrentAccount current, AccountAdministration administration, AuditTrail audit) : PageModel
{
    private const string Everywhere = "*";

    public ImmutableArray<TerritoryProfile> Territories { get; private set; } = [];

    public List<SiteProfile> Sites { get; } = [];

    public ImmutableArray<AccountSummary> Accounts { get; private set; } = [];

    public AccountMessage? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await Allowed("administration.consulter") ? await Show() : Forbid();

    public async Task<IActionResult> OnPostTerritoryAsync(string? slug, string? name)
    {
        if (!await Allowed("territoire.creer"))
        {
            return Forbid();
        }

        var grain = Identifiers.IsTerritory(slug) && !string.IsNullOrWhiteSpace(name) && TextRules.Problem(name, "Le nom") is null
            ? grains.GetGrain<ITerritoryGrain>(slug)
            : null;
        if (grain is null || await grain.GetProfile() is not null)
        {
            Message = new AccountMessage(null, Error: "Identifiant invalide ou déjà pris, ou nom manquant.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show();
        }

        var created = await grain.Configure(new TerritoryProfile(slug!, name!.Trim(), [], $"Bienvenue sur AlloIndustrie {name.Trim()}.", NoticeRules.DefaultRetention));
        await audit.Changed(HttpContext, AuditKey.Platform, "territoire.creer", slug!, null, created);
        Message = new AccountMessage($"Territoire {created.Name} créé.");
        return await Show();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? email, string? displayName, AccountRole role, string[]? territories, string[]? sites)
    {
        if (!await Allowed("compte.creer"))
        {
            return Forbid();
        }

        var known = (await grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).List()).Select(t => t.Slug).ToHashSet();
        var chosenSites = new List<string>();
        foreach (var key in (sites ?? []).Distinct())
        {
            var (territory, site) = key.Contains('/') ? SiteKey.Parse(key) : ("", "");
            if (known.Contains(territory) && await grains.GetGrain<ISiteGrain>(SiteKey.Of(territory, site)).GetProfile() is not null)
            {
                chosenSites.Add(key);
            }
        }

        ImmutableArray<string> chosenTerritories = role == AccountRole.Operator
            ? [.. chosenSites.Select(s => SiteKey.Parse(s).Territory).Distinct()]
            : [.. (territories ?? []).Where(known.Contains).Distinct()];
        var error = (role, chosenTerritories.Length, chosenSites.Count) switch
        {
            _ when string.IsNullOrWhiteSpace(email) => "L’adresse e-mail est obligatoire.",
            (AccountRole.Operator, _, 0) => "Un exploitant publie pour au moins un site.",
            (AccountRole.TerritoryAdmin, not 1, _) => "Un administrateur de territoire administre exactement un territoire.",
            (AccountRole.Authority, 0, _) => "Une autorité suit au moins un territoire.",
            _ => null,
        };
        if (error is not null)
        {
            Message = new AccountMessage(null, Error: error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show();
        }

        ImmutableArray<string> siteKeys = role == AccountRole.Operator ? [.. chosenSites] : [];
        var (password, failure) = await administration.Create(email!, displayName ?? "", role, chosenTerritories, siteKeys);
        if (password is not null)
        {
            await audit.Changed(HttpContext, AuditKey.Platform, "compte.creer", email!.Trim(), null,
                new { role, territories = chosenTerritories, sites = siteKeys });
        }

        Message = password is null ? new AccountMessage(null, Error: failure) : new AccountMessage($"Compte {email!.Trim()} créé.", password);
        return await Show();
    }

    public async Task<IActionResult> OnPostResetAsync(string? account)
    {
        if (await Target(account, "compte.reinitialiser") is not { } target)
        {
            return Forbid();
        }

        Message = await administration.ResetPassword(HttpContext, AuditKey.Platform, target);
        return await Show();
    }

    public async Task<IActionResult> OnPostDisableAsync(string? account, bool disabled)
    {
        if (await Target(account, AccountAdministration.DisableAction(disabled)) is not { } target)
        {
            return Forbid();
        }

        Message = await administration.SetDisabled(HttpContext, AuditKey.Platform, target, disabled);
        return await Show();
    }

    private Task<bool> Allowed(string action) => gate.Check(HttpContext, PerimeterAction.AdministerPlatform, action, Everywhere);

    private async Task<AccountRecord?> Target(string? normalizedEmail, string action)
    {
        if (!await Allowed(action))
        {
            return null;
        }

        var target = normalizedEmail is null ? null : await grains.GetGrain<IAccountGrain>(normalizedEmail).Get();
        if (target is null || await current.Get(User) is not { } actor || !AccountAdministration.CanManage(actor, target))
        {
            await audit.Refused(HttpContext, AuditKey.Platform, action, normalizedEmail ?? "", "compte inconnu ou le sien");
            return null;
        }

        return target;
    }

    private async Task<IActionResult> Show()
    {
        Territories = await grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).List();
        foreach (var territory in Territories)
        {
            Sites.AddRange(await grains.GetGrain<ITerritoryGrain>(territory.Slug).GetSites());
        }

        Accounts = await grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key).List();
        return Page();
    }
}
