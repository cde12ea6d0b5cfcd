using System.Collections.Concurrent;
using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Hosting.Health;

namespace AlloIndustrie.WebFront.Residents.Reading;

/// <summary>
/// Reads what residents may see from the grains, applying the clock so that nothing is shown past its expiry.
/// When the cluster does not answer, it serves the last view it read, still filtered by the clock, and says
/// since when it is unconfirmed.
/// </summary>
public sealed class PublicNoticeReader(IGrainFactory grains, TimeProvider clock, StorageHealth storage, ILogger<PublicNoticeReader> logger)
{
    // Long enough that a busy cluster is waited for rather than replaced by an older read.
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, TerritoryView> lastKnown = new(StringComparer.Ordinal);

    /// <summary>How many of a site's latest notices are searched for withdrawals still worth announcing.</summary>
    private const int WithdrawalLookBack = 20;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>When what is shown was last confirmed by storage, if it cannot be confirmed now.</summary>
    public DateTimeOffset? LastConfirmedAtIfDegraded => storage.LastConfirmedAtIfDegraded;

    public async Task<ImmutableArray<TerritoryProfile>> Territories()
    {
        var territories = await grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).List();
        return [.. territories.OrderBy(territory => territory.Name, StringComparer.CurrentCulture)];
    }

    public async Task<TerritoryView?> Territory(string slug)
    {
        if (!Identifiers.IsTerritory(slug))
        {
            return null;
        }

        try
        {
            var view = await ReadTerritory(slug).WaitAsync(ReadTimeout);
            if (view is not null)
            {
                lastKnown[slug] = view;
            }

            return view;
        }
        catch (Exception e) when (lastKnown.TryGetValue(slug, out var known))
        {
            logger.LogWarning(e, "Territory {Territory} unreadable; serving what was read at {At}", slug, known.AsOf);
            var now = Now;
            return known with { Notices = NoticeOrder.ForPublic(known.Notices, now), AsOf = now };
        }
    }

    private async Task<TerritoryView?> ReadTerritory(string slug)
    {
        var territory = grains.GetGrain<ITerritoryGrain>(slug);
        var profile = await territory.GetProfile();
        if (profile is null)
        {
            return null;
        }

        var sites = territory.GetSites();
        var notices = territory.GetPublicNotices();
        await Task.WhenAll(sites, notices);
        var now = Now;
        return new TerritoryView(profile, await sites, await notices, now);
    }

    /// <summary>One notice of a territory as it stands now, or null if unknown, of another territory, or not for residents' eyes.</summary>
    public async Task<NoticeSnapshot?> Notice(string territory, string id, bool includeWithdrawn = false)
    {
        if (!Identifiers.IsNoticeId(id))
        {
            return null;
        }

        var notice = (await grains.GetGrain<INoticeGrain>(id).Get())?.AsOf(Now);
        return notice switch
        {
            null => null,
            _ when notice.Territory != territory => null,
            { Status: NoticeStatus.Scheduled or NoticeStatus.Active or NoticeStatus.Ended } => notice,
            { Status: NoticeStatus.Withdrawn } when includeWithdrawn && Now < notice.ExpiresAt => notice,
            _ => null,
        };
    }

    /// <summary>
    /// Recently withdrawn notices not yet past their expiry: feed readers that took the alert must learn it was
    /// cancelled, while the public page simply drops it.
    /// </summary>
    public async Task<ImmutableArray<NoticeSnapshot>> RecentWithdrawals(TerritoryView view)
    {
        var ids = await Task.WhenAll(view.Sites.Select(site => grains.GetGrain<ISiteGrain>(SiteKey.Of(view.Profile.Slug, site.Slug)).GetNoticeIds()));
        var notices = await Task.WhenAll(ids.SelectMany(list => list.Take(WithdrawalLookBack)).Select(id => grains.GetGrain<INoticeGrain>(id).Get()));
        var now = Now;
        return
        [
            .. notices
                .OfType<NoticeSnapshot>()
                .Where(notice => notice.Status == NoticeStatus.Withdrawn && now < notice.ExpiresAt)
                .OrderByDescending(notice => notice.UpdatedAt),
        ];
    }
}
