using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Words;

namespace AlloIndustrie.WebFront.Dashboard.Reports;

/// <summary>
/// Counts per site, type and month, and how late notices go out: the delay from the event's start to its
/// publication (zero or negative when announced in advance).
/// </summary>
/// <remarks>
/// A notice counts as announced ahead only when it went out at least <see cref="AnnouncedAheadBy"/> before its
/// start: one published as the event begins told residents nothing in advance.
/// </remarks>
public sealed record NoticeStatistics(
    ImmutableArray<(string Key, int Count)> PerSite,
    ImmutableArray<(string Key, int Count)> PerType,
    ImmutableArray<(string Key, int Count)> PerMonth,
    TimeSpan? MedianDelay,
    TimeSpan? AverageDelay,
    int AnnouncedAhead)
{
    public static TimeSpan AnnouncedAheadBy { get; } = TimeSpan.FromHours(1);

    public static NoticeStatistics Of(IReadOnlyCollection<NoticeSnapshot> notices)
    {
        var delays = notices.Select(n => n.PublishedAt - n.StartsAt).Where(d => d > TimeSpan.Zero).Order().ToList();
        return new NoticeStatistics(
            Count(notices, n => n.SiteName),
            Count(notices, n => Vocabulary.French.EventType(n.EventType)),
            [.. notices.GroupBy(n => ParisTime.Of(n.StartsAt).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))],
            delays.Count == 0 ? null : delays[delays.Count / 2],
            delays.Count == 0 ? null : TimeSpan.FromTicks((long)delays.Average(d => d.Ticks)),
            notices.Count(n => n.StartsAt - n.PublishedAt >= AnnouncedAheadBy));
    }

    public static string Describe(TimeSpan? delay) => delay switch
    {
        null => "—",
        { TotalMinutes: < 1 } d => $"{(int)d.TotalSeconds} s",
        { TotalHours: < 1 } d => $"{(int)d.TotalMinutes} min",
        { Minutes: 0 } d => $"{(int)d.TotalHours} h",
        { } d => $"{(int)d.TotalHours} h {d.Minutes:00} min",
    };

    private static ImmutableArray<(string Key, int Count)> Count(IEnumerable<NoticeSnapshot> notices, Func<NoticeSnapshot, string> key) =>
        [.. notices.GroupBy(key).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))];
}
