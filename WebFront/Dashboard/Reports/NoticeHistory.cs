using System.Globalization;
using AlloIndustrie.Grains.Interfaces.Archive;
using AlloIndustrie.Grains.Interfaces.Audit;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.WebFront.Dashboard.Authorization;

namespace AlloIndustrie.WebFront.Dashboard.Reports;

/// <summary>The history's filters, as its URL carries them (<c>territoire</c>, <c>site</c>, <c>type</c>, <c>du</c>, <c>au</c>).</summary>
public sealed record HistoryQuery(string? Territory, string? Site, string? Type, DateOnly? From, DateOnly? To)
{
    /// <summary>
    /// A day as the form's date fields send it (<c>2026-12-31</c>); an empty field, which the form sends whenever
    /// no date is chosen, is no filter. False for any other text.
    /// </summary>
    public static bool TryParseDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        return false;
    }
}

/// <summary>What the history shows of the territories the account reads: notices, listens, phone lines and their sites.</summary>
public sealed record HistoryView(
    List<TerritoryProfile> Readable,
    List<SiteProfile> Sites,
    List<NoticeSnapshot> Notices,
    NoticeStatistics Statistics,
    Dictionary<string, long> Listens,
    List<(TerritoryProfile Territory, PhoneLineStats Line)> Calls);

/// <summary>Every notice of the territories the account reads, from the archive, filtered: for the history page and its CSV export.</summary>
public sealed class NoticeHistory(IGrainFactory grains, DashboardGate gate, TimeProvider clock)
{
    /// <summary>Null when the account asked for a territory it may not read, or reads none; that attempt is audited.</summary>
    public async Task<HistoryView?> Load(HttpContext context, HistoryQuery query)
    {
        var all = await grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).List();
        if (!string.IsNullOrEmpty(query.Territory)
            && !await gate.Check(context, PerimeterAction.ReadTerritory, "historique.consulter", all.Any(t => t.Slug == query.Territory) ? query.Territory : AuditKey.Platform))
        {
            return null;
        }

        var readable = new List<TerritoryProfile>();
        foreach (var territory in all)
        {
            if (await gate.Allows(context, PerimeterAction.ReadTerritory, territory.Slug))
            {
                readable.Add(territory);
            }
        }

        if (readable.Count == 0)
        {
            await gate.Check(context, PerimeterAction.ReadTerritory, "historique.consulter", AuditKey.Platform);
            return null;
        }

        var filter = new NoticeFilter(query.Site, query.Type, query.From, query.To);
        var notices = new List<NoticeSnapshot>();
        var calls = new List<(TerritoryProfile, PhoneLineStats)>();
        var sites = new List<SiteProfile>();
        var now = clock.GetUtcNow();
        foreach (var territory in readable.Where(t => string.IsNullOrEmpty(query.Territory) || t.Slug == query.Territory))
        {
            notices.AddRange((await grains.GetGrain<INoticeArchiveGrain>(territory.Slug).List()).Select(n => n.AsOf(now)).Where(filter.Matches));
            calls.Add((territory, await grains.GetGrain<IPhoneLineStatsGrain>(territory.Slug).Get()));
            sites.AddRange((await grains.GetGrain<ITerritoryGrain>(territory.Slug).GetSites()).OrderBy(s => s.Name, StringComparer.CurrentCulture));
        }

        List<NoticeSnapshot> ordered = [.. notices.OrderByDescending(n => n.StartsAt)];
        var listens = new Dictionary<string, long>();
        foreach (var notice in ordered)
        {
            listens[notice.Id] = await grains.GetGrain<INoticeListensGrain>(notice.Id).Get();
        }

        return new HistoryView(readable, sites, ordered, NoticeStatistics.Of(ordered), listens, calls);
    }
}
