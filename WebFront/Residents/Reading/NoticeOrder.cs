using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.WebFront.Residents.Reading;

/// <summary>What residents see and in which order: what is going on now first, then the rest newest first, as the JSON API lists them.</summary>
public static class NoticeOrder
{
    public static ImmutableArray<NoticeSnapshot> ForPublic(IEnumerable<NoticeSnapshot> notices, DateTimeOffset now) =>
        [
            .. notices
                .Select(notice => notice.AsOf(now))
                .Where(notice => NoticeSnapshot.IsPublicStatus(notice.Status))
                .OrderBy(notice => notice.Status == NoticeStatus.Active ? 0 : 1)
                .ThenByDescending(notice => notice.StartsAt)
                .ThenByDescending(notice => notice.PublishedAt)
                .ThenBy(notice => notice.Id, StringComparer.Ordinal),
        ];
}
