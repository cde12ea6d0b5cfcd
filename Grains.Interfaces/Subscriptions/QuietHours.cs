using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// A subscriber's night, in Paris time: from <see cref="Start"/> to <see cref="End"/> (across midnight when
/// <see cref="End"/> comes first), drills and notices not started yet wait for the morning, on every channel. An
/// event in progress, its updates, its all-clear and its withdrawal never wait: someone may be waiting for them.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.QuietHours")]
public sealed record QuietHours(
    [property: Id(0)] TimeOnly Start,
    [property: Id(1)] TimeOnly End)
{
    /// <summary>The contract's word for no quiet hours.</summary>
    public const string NoneText = "none";

    /// <summary>22:00 to 07:00, what a subscription has unless its subscriber chose otherwise.</summary>
    public static QuietHours Default { get; } = new(new TimeOnly(22, 0), new TimeOnly(7, 0));

    /// <summary>No quiet hours: everything is sent at once, day and night.</summary>
    public static QuietHours None { get; } = new(TimeOnly.MinValue, TimeOnly.MinValue);

    /// <summary>Whether a message about <paramref name="notice"/>, sent because of <paramref name="kind"/>, waits for the end of quiet hours.</summary>
    public static bool Waits(NoticeSnapshot notice, NoticeMessageKind kind) =>
        notice.Exercise || (notice.Status == NoticeStatus.Scheduled && kind != NoticeMessageKind.Started);

    /// <summary>When the quiet hours <paramref name="at"/> falls in end, or null if it falls outside them.</summary>
    public DateTimeOffset? EndOf(DateTimeOffset at)
    {
        if (Start == End)
        {
            return null;
        }

        var local = ParisTime.Of(at);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var inside = Start < End ? time >= Start && time < End : time >= Start || time < End;
        if (!inside)
        {
            return null;
        }

        // Past the start of a night that crosses midnight, the morning is tomorrow's.
        var day = time >= End ? local.Date.AddDays(1) : local.Date;
        return ParisTime.FromLocal(day + End.ToTimeSpan());
    }
}
