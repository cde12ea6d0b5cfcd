using System.Collections.Immutable;
using System.Globalization;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Archive;
using AlloIndustrie.Grains.Interfaces.Audit;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.WebFront.Dashboard.Authorization;
using AlloIndustrie.WebFront.Dashboard.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

/// <summary>Every notice of the territories the account reads, from the archive, with filters, statistics and a CSV export.</summary>
public sealed class HistoryModel(IGrainFactory grains, DashboardGate gate, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "territoire")]
    public string? Territory { get; set; }

    [FromQuery(Name = "site")]
    public string? Site { get; set; }

    [FromQuery(Name = "type")]
    public string? Type { get; set; }

    [FromQuery(Name = "du")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "au")]
    public DateOnly? To { get; set; }

    public List<TerritoryProfile> Readable { get; } = [];

    /// <summary>The sites of the territories shown, for the site filter.</summary>
    public List<SiteProfile> Sites { get; } = [];

    public List<NoticeSnapshot> Notices { get; private set; } = [];

    public NoticeStatistics Statistics { get; private set; } = null!;

    public Dictionary<string, long> Listens { get; } = [];

    /// <summary>The phone line's counters of each territory shown.</summary>
    public List<(TerritoryProfile Territory, PhoneLineStats Line)> Calls { get; } = [];

    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : Forbid();

    public async Task<IActionResult> OnGetCsvAsync([FromQuery(Name = "separateur")] string? separator)
    {
        if (NoticeExport.For(separator) is not { } export)
        {
            return BadRequest($"Séparateur inconnu : « {separator} ». Valeurs possibles : {string.Join(", ", NoticeExport.Separators.Select(s => s.Value))}.");
        }

        if (!await Load())
        {
            return Forbid();
        }

        var name = $"notices-{Territory ?? "territoires"}-{ParisTime.Of(clock.GetUtcNow()):yyyyMMdd}.csv";
        return File(export.Write(Notices, Listens), "text/csv; charset=utf-8", name);
    }

    /// <summary>False when the account asked for a territory it may not read; that attempt is audited.</summary>
    private async Task<bool> Load()
    {
        var all = await grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).List();
        if (!string.IsNullOrEmpty(Territory)
            && !await gate.Check(HttpContext, PerimeterAction.ReadTerritory, "historique.consulter", all.Any(t => t.Slug == Territory) ? Territory : AuditKey.Platform))
        {
            return false;
        }

        foreach (var territory in all)
        {
            if (await gate.Allows(HttpContext, PerimeterAction.ReadTerritory, territory.Slug))
            {
                Readable.Add(territory);
            }
        }

        if (Readable.Count == 0)
        {
            return await gate.Check(HttpContext, PerimeterAction.ReadTerritory, "historique.consulter", AuditKey.Platform);
        }

        var filter = new NoticeFilter(Site, Type, From, To);
        var notices = new List<NoticeSnapshot>();
        var now = clock.GetUtcNow();
        foreach (var territory in Readable.Where(t => string.IsNullOrEmpty(Territory) || t.Slug == Territory))
        {
            notices.AddRange((await grains.GetGrain<INoticeArchiveGrain>(territory.Slug).List()).Select(n => n.AsOf(now)).Where(filter.Matches));
            Calls.Add((territory, await grains.GetGrain<IPhoneLineStatsGrain>(territory.Slug).Get()));
            Sites.AddRange((await grains.GetGrain<ITerritoryGrain>(territory.Slug).GetSites()).OrderBy(s => s.Name, StringComparer.CurrentCulture));
        }

        Notices = [.. notices.OrderByDescending(n => n.StartsAt)];
        foreach (var notice in Notices)
        {
            Listens[notice.Id] = await grains.GetGrain<INoticeListensGrain>(notice.Id).Get();
        }

        Statistics = NoticeStatistics.Of(Notices);
        return true;
    }
}
