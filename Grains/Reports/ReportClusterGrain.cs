using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Reports;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Reports;

/// <summary>
/// A cluster is judged when a report arrives, so an alert goes out at once; a one-minute reminder, kept only
/// while the window holds reports, slides the window and judges again (a notice withdrawn as an error
/// explains nothing any more). Each source counts once, so one source alone never makes a cluster. Once its
/// alert is acknowledged, reports count towards a new one.
/// </summary>
public sealed class ReportClusterGrain(
    [PersistentState("reportCluster", StorageNames.Grains)] IPersistentState<ReportClusterState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<ReportOptions> options,
    GrainMetrics metrics,
    ILogger<ReportClusterGrain> logger) : Grain, IReportClusterGrain, IRemindable
{
    private const string SlideReminder = "slide";
    private const int MaxAlertTexts = 10;
    private static readonly TimeSpan SlidePeriod = TimeSpan.FromMinutes(1);

    private bool sliding;

    private string Territory => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().LastIndexOf('/')];

    private string Kind => this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf('/') + 1)..];

    public async Task Add(ClusterReport report)
    {
        state.State.Reports.Add(report);
        await Judge();
        if (!sliding)
        {
            await this.RegisterOrUpdateReminder(SlideReminder, SlidePeriod, SlidePeriod);
            sliding = true;
        }
    }

    public Task<int> GetWindow() => Task.FromResult(state.State.Reports.Count(r => r.OccurredAt >= clock.GetUtcNow() - options.Value.Window));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await Judge();
        if (state.State.Reports.Count == 0)
        {
            if (await this.GetReminder(SlideReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            sliding = false;
        }
        else
        {
            sliding = true;
        }
    }

    private async Task Judge()
    {
        var now = clock.GetUtcNow();
        var window = options.Value.Window;
        state.State.Reports.RemoveAll(r => r.OccurredAt < now - window);
        state.State.Counted.IntersectWith(state.State.Reports.Select(r => r.Id));

        // Only clusters call the alerts grain, never the other way round, so neither can wait on the other.
        var alerts = GrainFactory.GetGrain<IReportAlertsGrain>(Territory);
        if (state.State.OpenAlert is { } shown && (await alerts.Get(shown.Id))?.Acknowledged != false)
        {
            state.State.OpenAlert = null;
            state.State.OpenAlertSources.Clear();
            state.State.OpenAlertCommunes.Clear();
        }

        var territory = GrainFactory.GetGrain<ITerritoryGrain>(Territory);
        var sites = await territory.GetSites();
        var notices = await territory.GetPublicNotices();
        var pending = state.State.Reports
            .Where(r => !state.State.Counted.Contains(r.Id) && !Explained(r, sites, notices, now))
            .ToList();

        var joined = state.State.OpenAlert is { } open
            ? pending.Where(r => r.Commune is null || sites.Any(s => open.Sites.Contains(s.Slug) && s.Communes.Contains(r.Commune))).ToList()
            : [];
        var cluster = Clusters(pending.Except(joined).ToList(), sites);
        if (joined.Count > 0 || cluster.Count > 0)
        {
            await Raise([.. joined, .. cluster], sites, now);
        }

        await state.WriteStateAsync();
    }

    /// <summary>
    /// Reports in the communes perceiving one site (or, by phone, the whole territory) whose distinct sources
    /// reach the threshold; several such groups make one alert.
    /// </summary>
    private List<ClusterReport> Clusters(List<ClusterReport> pending, ImmutableArray<SiteProfile> sites)
    {
        var groups = sites
            .Select(site => pending.Where(r => r.Commune is not null && site.Communes.Contains(r.Commune)).ToList())
            .Append(pending.Where(r => r.Commune is null).ToList());
        var threshold = options.Value.EffectiveThreshold;
        return [.. groups.Where(g => g.Select(r => r.SourceToken).Distinct().Count() >= threshold).SelectMany(g => g).Distinct()];
    }

    private async Task Raise(List<ClusterReport> reports, ImmutableArray<SiteProfile> sites, DateTimeOffset now)
    {
        var s = state.State;
        foreach (var report in reports)
        {
            s.Counted.Add(report.Id);
            s.OpenAlertSources.Add(report.SourceToken);
            s.OpenAlertCommunes[report.Commune ?? ""] = s.OpenAlertCommunes.GetValueOrDefault(report.Commune ?? "") + 1;
        }

        var communes = s.OpenAlertCommunes.Keys.ToHashSet(StringComparer.Ordinal);
        var concerned = sites
            .Where(site => communes.Contains("") || site.Communes.Any(communes.Contains))
            .Select(site => site.Slug);
        var texts = reports.Select(r => r.Text).OfType<string>();
        if (s.OpenAlert is null)
        {
            metrics.AlertRaised(Territory, Kind);
        }

        var alert = s.OpenAlert is { } open
            ? open with
            {
                Sites = [.. open.Sites.Union(concerned).Order(StringComparer.Ordinal)],
                Texts = [.. open.Texts.Concat(texts).TakeLast(MaxAlertTexts)],
            }
            : new ReportAlert(Guid.NewGuid().ToString("N"), Territory, Kind, [], [.. concerned.Order(StringComparer.Ordinal)],
                0, now, now, [.. texts.TakeLast(MaxAlertTexts)], null, null);
        s.OpenAlert = alert with
        {
            Communes = [.. s.OpenAlertCommunes.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.CurrentCulture)
                .Select(c => new ReportAlertCommune(c.Key.Length == 0 ? null : c.Key, c.Value))],
            Sources = s.OpenAlertSources.Count,
            LastReportAt = reports.Max(r => r.OccurredAt),
        };

        logger.LogWarning("Cluster of {Kind} reports in {Territory}: alert {AlertId} from {Sources} sources", Kind, Territory, s.OpenAlert.Id, s.OpenAlert.Sources);
        await GrainFactory.GetGrain<IReportAlertsGrain>(Territory).Save(s.OpenAlert);
    }

    /// <summary>A notice explains a report if its site perceives the report's commune and it was going on then or is now.</summary>
    private bool Explained(ClusterReport report, ImmutableArray<SiteProfile> sites, ImmutableArray<NoticeSnapshot> notices, DateTimeOffset now) =>
        notices.Any(n =>
            ReportVocabulary.Explains(n, Kind)
            && (report.Commune is null || sites.Any(s => s.Slug == n.Site && s.Communes.Contains(report.Commune)))
            && (ReportVocabulary.CoversTime(n, report.OccurredAt, now) || n.AsOf(now).Status == NoticeStatus.Active));
}
