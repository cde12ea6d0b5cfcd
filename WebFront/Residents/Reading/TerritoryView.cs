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
