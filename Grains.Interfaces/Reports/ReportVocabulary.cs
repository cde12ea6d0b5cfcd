using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>
/// What residents may report, in French, and which notices explain each kind: a notice explains a report
/// when its event type or one of its nuisances is something that kind of perception comes from.
/// </summary>
public static class ReportVocabulary
{
    public static ImmutableArray<string> Kinds { get; } = ["odour", "smoke", "noise", "light", "other"];

    public static ImmutableDictionary<string, string> KindNames { get; } = new Dictionary<string, string>
    {
        ["odour"] = "Une odeur",
        ["smoke"] = "De la fumée",
        ["noise"] = "Un bruit",
        ["light"] = "Une lumière, une flamme",
        ["other"] = "Autre chose",
    }.ToImmutableDictionary();

    private static readonly ImmutableDictionary<string, (ImmutableHashSet<string> Events, ImmutableHashSet<string> Nuisances)> Explanations =
        new Dictionary<string, (ImmutableHashSet<string>, ImmutableHashSet<string>)>
        {
            ["odour"] = (["odour"], ["odour"]),
            ["smoke"] = (["smoke", "fire", "steam"], ["smoke"]),
            ["noise"] = (["noise", "valve-noise", "siren", "flare"], ["noise", "vibration"]),
            ["light"] = (["light", "flare", "fire"], ["light"]),
            ["other"] = (["other", "dust"], ["dust", "vibration", "traffic"]),
        }.ToImmutableDictionary();

    public static bool IsKind(string? kind) => kind is not null && Explanations.ContainsKey(kind);

    /// <summary>Whether <paramref name="notice"/> is of a nature that would make residents report <paramref name="kind"/>.</summary>
    public static bool Explains(NoticeSnapshot notice, string kind) =>
        Explanations.TryGetValue(kind, out var fits)
        && (fits.Events.Contains(notice.EventType) || (!notice.Nuisances.IsDefault && notice.Nuisances.Any(fits.Nuisances.Contains)));

    /// <summary>Whether the notice was going on at <paramref name="at"/> (started, not yet ended) and may still be shown.</summary>
    public static bool CoversTime(NoticeSnapshot notice, DateTimeOffset at, DateTimeOffset now)
    {
        var current = notice.AsOf(now);
        return current.Status is NoticeStatus.Active or NoticeStatus.Ended
            && current.StartsAt <= at
            && (current.EndedAt is not { } ended || ended >= at);
    }
}
