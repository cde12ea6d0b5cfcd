using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;

namespace AlloIndustrie.WebFront.Residents.Reading;

/// <summary>A territory as its public page shows it at <see cref="AsOf"/>.</summary>
public sealed record TerritoryView(
    TerritoryProfile Profile,
    ImmutableArray<SiteProfile> Sites,
    ImmutableArray<NoticeSnapshot> Notices,
    DateTimeOffset AsOf)
{
    public SiteProfile? Site(string slug) => Sites.FirstOrDefault(site => site.Slug == slug);

    public TerritoryView ForSite(string slug) => this with { Notices = [.. Notices.Where(notice => notice.Site == slug)] };

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of the territory's list, so that a territory with thousands of ended
    /// notices never sends them all: the first page has every notice going on or planned and the
    /// <see cref="ArchivePaging.EndedPerPage"/> most recent ended ones; each next page, older ended ones only.
    /// The order is kept.
    /// </summary>
    public TerritoryView Page(int page)
    {
        var skip = (page - 1) * ArchivePaging.EndedPerPage;
        var ended = 0;
        var shown = ImmutableArray.CreateBuilder<NoticeSnapshot>();
        foreach (var notice in Notices)
        {
            if (notice.Status != NoticeStatus.Ended)
            {
                if (page == 1)
                {
                    shown.Add(notice);
                }
            }
            else if (ended++ is var index && index >= skip && index < skip + ArchivePaging.EndedPerPage)
            {
                shown.Add(notice);
            }
        }

        return this with { Notices = shown.ToImmutable() };
    }

    /// <summary>Whether ended notices older than those of <paramref name="page"/> remain for the next page.</summary>
    public bool HasOlderThan(int page) => Notices.Count(notice => notice.Status == NoticeStatus.Ended) > page * ArchivePaging.EndedPerPage;

    /// <summary>
    /// When this view stops being true even if nobody publishes anything: a scheduled notice starts or a notice
    /// expires. Caches must not outlive it.
    /// </summary>
    public DateTimeOffset? NextChange =>
        Notices
            .SelectMany(notice => notice.Status == NoticeStatus.Scheduled ? [notice.StartsAt, notice.ExpiresAt] : new[] { notice.ExpiresAt })
            .Where(at => at > AsOf)
            .Select(at => (DateTimeOffset?)at)
            .Min();
}
