using AlloIndustrie.Grains.Interfaces.Audit;
using AlloIndustrie.WebFront.Audit;
using Microsoft.AspNetCore.Authorization;

namespace AlloIndustrie.WebFront.Dashboard.Authorization;

/// <summary>
/// The check at the top of every dashboard handler: the perimeter policy, and on refusal an audit entry in
/// the targeted territory's trail, so that administrators see who tried what.
/// </summary>
public sealed class DashboardGate(IAuthorizationService authorization, AuditTrail audit)
{
    public async Task<bool> Allows(HttpContext context, PerimeterAction action, string territory, string? site = null) =>
        (await authorization.AuthorizeAsync(context.User, new PerimeterTarget(territory, site), new PerimeterRequirement(action))).Succeeded;

    /// <summary>True if allowed; otherwise audits the attempt (what it was, on what) and returns false.</summary>
    public async Task<bool> Check(HttpContext context, PerimeterAction action, string what, string territory, string? site = null, string? target = null)
    {
        if (await Allows(context, action, territory, site))
        {
            return true;
        }

        var scope = action == PerimeterAction.AdministerPlatform ? AuditKey.Platform : territory;
        await audit.Refused(context, scope, what, target ?? (site is null ? territory : $"{territory}/{site}"), "hors du périmètre du compte");
        return false;
    }
}
