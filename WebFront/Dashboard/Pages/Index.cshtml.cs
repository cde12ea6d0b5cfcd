using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Accounts;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Dashboard.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

/// <summary>The overview: an operator's sites; every territory an administrator or authority oversees, with its current notices.</summary>
public sealed class IndexModel(IGrainFactory grains, CurrentAccount current, DashboardGate gate, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public AccountRecord Account { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public List<SiteProfile> Sites { get; } = [];

    public List<TerritoryOverview> Territories { get; } = [];

    /// <summary>Every territory's name, for the sites an operator publishes for.</summary>
    public Dictionary<string, string> TerritoryNames { get; } = [];

    public bool MaySimulate { get; private set; }

    public string TerritoryName(string slug) => TerritoryNames.GetValueOrDefault(slug, slug);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await current.Get(User) is not { } account)
        {
            return Challenge();
        }

        Account = account;
        Now = clock.GetUtcNow();
        var territories = await grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).List();
        MaySimulate = (await authorization.AuthorizeAsync(User, PhoneSimulatorRequirement.Policy)).Succeeded;
        foreach (var territory in territories)
        {
            TerritoryNames[territory.Slug] = territory.Name;
            var grain = grains.GetGrain<ITerritoryGrain>(territory.Slug);
            var sites = await grain.GetSites();
            foreach (var site in sites)
            {
                if (account.Role == AccountRole.Operator && await gate.Allows(HttpContext, PerimeterAction.OperateSite, site.Territory, site.Slug))
                {
                    Sites.Add(site);
                }
            }

            if (await gate.Allows(HttpContext, PerimeterAction.ReadTerritory, territory.Slug))
            {
                Territories.Add(new TerritoryOverview(
                    territory,
                    await gate.Allows(HttpContext, PerimeterAction.AdministerTerritory, territory.Slug),
                    await grain.GetPublicNotices()));
            }
        }

        return Page();
    }

    public sealed record TerritoryOverview(TerritoryProfile Profile, bool Administered, ImmutableArray<NoticeSnapshot> Current);
}
