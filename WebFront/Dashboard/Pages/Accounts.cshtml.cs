using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Accounts;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Dashboard.Accounts;
using AlloIndustrie.WebFront.Dashboard.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

/// <summary>A territory's accounts: its administrators create operators for its sites, disable them, reset their passwords.</summary>
public sealed class AccountsModel(
    IGrainFactory grains, DashboardGate gate, CurrentAccount current, AccountAdministration administration, AuditTrail audit) : PageModel
{
    [FromRoute]
    public string Territory { get; set; } = "";

    public ImmutableArray<AccountSummary> Accounts { get; private set; } = [];

    public ImmutableArray<SiteProfile> Sites { get; private set; } = [];

    public AccountMessage? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await gate.Check(HttpContext, PerimeterAction.AdministerTerritory, "comptes.consulter", Territory))
        {
            return Forbid();
        }

        return await Show();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? email, string? displayName, string[]? sites)
    {
        if (!await gate.Check(HttpContext, PerimeterAction.AdministerTerritory, "compte.creer", Territory, target: email))
        {
            return Forbid();
        }

        // Only sites that exist in this territory: a forged slug never reaches an account's perimeter.
        var known = (await grains.GetGrain<ITerritoryGrain>(Territory).GetSites()).Select(s => s.Slug).ToHashSet();
        var chosen = (sites ?? []).Where(known.Contains).Distinct().Select(s => SiteKey.Of(Territory, s)).ToImmutableArray();
        if (string.IsNullOrWhiteSpace(email) || chosen.IsEmpty)
        {
            Message = new AccountMessage(null, Error: "Indiquez l’adresse e-mail et au moins un site du territoire.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show();
        }

        var (password, error) = await administration.Create(email, displayName ?? "", AccountRole.Operator, [Territory], chosen);
        if (password is not null)
        {
            await audit.Changed(HttpContext, Territory, "compte.creer", email.Trim(), null, new { role = AccountRole.Operator, sites = chosen });
        }

        Message = password is null ? new AccountMessage(null, Error: error) : new AccountMessage($"Compte {email.Trim()} créé.", password);
        return await Show();
    }

    public async Task<IActionResult> OnPostResetAsync(string? account)
    {
        if (await Target(account, "compte.reinitialiser") is not { } target)
        {
            return Forbid();
        }

        Message = await administration.ResetPassword(HttpContext, Territory, target);
        return await Show();
    }

    public async Task<IActionResult> OnPostDisableAsync(string? account, bool disabled)
    {
        if (await Target(account, AccountAdministration.DisableAction(disabled)) is not { } target)
        {
            return Forbid();
        }

        Message = await administration.SetDisabled(HttpContext, Territory, target, disabled);
        return await Show();
    }

    /// <summary>The account acted on, if the territory is the caller's and the account one the caller may manage; audited otherwise.</summary>
    private async Task<AccountRecord?> Target(string? normalizedEmail, string action)
    {
        if (!await gate.Check(HttpContext, PerimeterAction.AdministerTerritory, action, Territory, target: normalizedEmail))
        {
            return null;
        }

        var target = normalizedEmail is null ? null : await grains.GetGrain<IAccountGrain>(normalizedEmail).Get();
        if (target is null || await current.Get(User) is not { } actor || !AccountAdministration.CanManage(actor, target)
            || target.Territories.IsDefault || !target.Territories.Contains(Territory))
        {
            await audit.Refused(HttpContext, Territory, action, normalizedEmail ?? "", "compte hors du périmètre");
            return null;
        }

        return target;
    }

    private async Task<IActionResult> Show()
    {
        if (await grains.GetGrain<ITerritoryGrain>(Territory).GetProfile() is null)
        {
            return NotFound();
        }

        Sites = await grains.GetGrain<ITerritoryGrain>(Territory).GetSites();
        Accounts = [.. (await grains.GetGrain<IAccountDirectoryGrain>(IAccountDirectoryGrain.Key).List())
            .Where(a => !a.Territories.IsDefault && a.Territories.Contains(Territory))];
        return Page();
    }
}
