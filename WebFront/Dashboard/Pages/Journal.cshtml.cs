using System.Collections.Immutable;
using System.Globalization;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Audit;
using AlloIndustrie.WebFront.Dashboard.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

/// <summary>A month of a territory's audit trail (its administrators), or of the platform's (super administrators).</summary>
public sealed class JournalModel(IGrainFactory grains, DashboardGate gate, TimeProvider clock) : PageModel
{
    [FromRoute]
    public string Scope { get; set; } = "";

    [FromQuery(Name = "mois")]
    public string? Month { get; set; }

    public ImmutableArray<AuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var allowed = Scope == AuditKey.Platform
            ? await gate.Check(HttpContext, PerimeterAction.AdministerPlatform, "journal.consulter", Scope)
            : Identifiers.IsTerritory(Scope)
                && await gate.Check(HttpContext, PerimeterAction.AdministerTerritory, "journal.consulter", Scope);
        if (!allowed)
        {
            return Forbid();
        }

        var month = DateTime.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? new DateTimeOffset(parsed, TimeSpan.Zero)
            : clock.GetUtcNow();
        Month = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Entries = await grains.GetGrain<IAuditGrain>(AuditKey.Of(Scope, month)).List();
        return Page();
    }
}
