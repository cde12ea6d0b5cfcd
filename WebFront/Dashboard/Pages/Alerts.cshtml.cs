using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Residents.Reports.Alerts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

/// <summary>The residents' cluster alerts an account may see, and their acknowledgement (audited).</summary>
public sealed class AlertsModel(ReportAlertBoard board, AuditTrail audit) : PageModel
{
    public ImmutableArray<ReportAlertItem> Alerts { get; private set; } = [];

    public async Task OnGetAsync() => Alerts = await board.Visible(User);

    public async Task<IActionResult> OnPostAcknowledgeAsync(string territory, string id, string? returnUrl)
    {
        if (!Identifiers.IsTerritory(territory) || !Identifiers.IsRandomId(id) || await board.Acknowledge(User, territory, id) is not { } done)
        {
            return Forbid();
        }

        await audit.Changed(HttpContext, territory, "alerte.accuser-reception", id,
            new { done.Before.AcknowledgedBy }, new { done.After.AcknowledgedBy, done.After.AcknowledgedAt });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : DashboardExtensions.Root + "/alertes");
    }
}
