using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.WebFront.Public.Reading;

/// <summary>What residents see and in which order: what is going on now first, then what is coming, then what is over.</summary>
public static class NoticeOrder
{
    public static ImmutableArray<NoticeSnapshot> ForPublic(IEnumerable<NoticeSnapshot> notices, DateTimeOffset now) =>
        [
            .. notices
                .Select(notice => notice.AsOf(now))
                .Where(notice => NoticeSnapshot.IsPublicStatus(notice.Status))
                .OrderBy(notice => Rank(notice.Status))
                .ThenByDescending(notice => notice.StartsAt)
                .ThenByDescending(notice => notice.PublishedAt)
                .ThenBy(notice => notice.Id, StringComparer.Ordinal),
        ];

    private static int Rank(NoticeStatus status) => status switch
    {
        NoticeStatus.Active => 0,
        NoticeStatus.Scheduled => 1,
        _ => 2,
    };
}
