using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Dashboard.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

/// <summary>A site's notices and API keys, for its operators and its territory's administrators.</summary>
public sealed class SiteModel(IGrainFactory grains, DashboardGate gate, AuditTrail audit, TimeProvider clock) : PageModel
{
    [FromRoute]
    public string Territory { get; set; } = "";

    [FromRoute]
    public string Site { get; set; } = "";

    public SiteProfile Profile { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public ImmutableArray<NoticeSnapshot> Notices { get; private set; } = [];

    public Dictionary<string, long> Listens { get; } = [];

    public ImmutableArray<ApiKeyInfo> Keys { get; private set; } = [];

    public CreatedApiKey? CreatedKey { get; private set; }

    private ISiteGrain Grain => grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, Site));

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await gate.Check(HttpContext, PerimeterAction.OperateSite, "site.consulter", Territory, Site))
        {
            return Forbid();
        }

        return await Show();
    }

    public async Task<IActionResult> OnPostCreateKeyAsync(string? label)
    {
        if (!await gate.Check(HttpContext, PerimeterAction.OperateSite, "cle.creer", Territory, Site))
        {
            return Forbid();
        }

        if (await Grain.GetProfile() is null)
        {
            return NotFound();
        }

        var name = string.IsNullOrWhiteSpace(label) ? "Clé sans libellé" : label.Trim()[..Math.Min(label.Trim().Length, 80)];
        CreatedKey = await Grain.CreateApiKey(name);
        await audit.Changed(HttpContext, Territory, "cle.creer", $"{Territory}/{Site}", null, new { CreatedKey.KeyId, label = name });
        return await Show();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? keyId)
    {
        if (!await gate.Check(HttpContext, PerimeterAction.OperateSite, "cle.revoquer", Territory, Site, keyId))
        {
            return Forbid();
        }

        if (keyId is null || !await Grain.RevokeApiKey(keyId))
        {
            await audit.Refused(HttpContext, Territory, "cle.revoquer", keyId ?? "", "clé d’un autre site ou inconnue");
            return Forbid();
        }

        await audit.Changed(HttpContext, Territory, "cle.revoquer", $"{Territory}/{Site}", new { keyId }, new { keyId, revoquee = true });
        return RedirectToPage(new { Territory, Site });
    }

    private async Task<IActionResult> Show()
    {
        if (await Grain.GetProfile() is not { } profile)
        {
            return NotFound();
        }

        Profile = profile;
        Now = clock.GetUtcNow();
        Notices = await Grain.GetNotices();
        foreach (var notice in Notices)
        {
            Listens[notice.Id] = await grains.GetGrain<INoticeListensGrain>(notice.Id).Get();
        }

        Keys = await Grain.ListApiKeys();
        return Page();
    }
}
