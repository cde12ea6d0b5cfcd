using System.Collections.Immutable;
namespace AlloIndustrie.Grains.Interfaces.Notices;

/// <summary>
/// What residents see and in which order, as the clock says now: what is going on first, then the rest newest first.
/// The territory grain answers with this list; a web node applies it again only to the last list it read, when the
/// grain cannot be reached, so that nothing is shown past its expiry.
/// </summary>
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
