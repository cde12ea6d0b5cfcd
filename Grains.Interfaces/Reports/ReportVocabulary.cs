using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Words;

namespace AlloIndustrie.Grains.Interfaces.Reports;

/// <summary>
/// What residents may report, and which notices explain each kind: a notice explains a report
/// when its event type or one of its nuisances is something that kind of perception comes from.
/// </summary>
public static class ReportVocabulary
{
    /// <summary>What residents may report, in the order of the phone menu (<see cref="Vocabulary.ReportKindKeys"/>).</summary>
    public static ImmutableArray<string> Kinds => Vocabulary.ReportKindKeys;

    /// <summary>Longest free text a report may carry: a few words on what is perceived, not a letter.</summary>
    public const int TextMaxLength = 280;

    /// <summary>
    /// When a refused reporter may try again, whether the web front's per-client limit or the desk's per-commune
    /// one refused it, so that every 429 of a report says the same: an hour's window frees one sixth of itself
    /// every ten minutes.
    /// </summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(10);

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

    /// <summary>The kind a caller chose by its key on the phone menu (1 for the first), or null.</summary>
    public static string? OfDigit(string? digits) =>
        digits is [var key and >= '1' and <= '9'] && key - '1' < Kinds.Length ? Kinds[key - '1'] : null;

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
