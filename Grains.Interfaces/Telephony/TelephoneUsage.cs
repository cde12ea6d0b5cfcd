namespace AlloIndustrie.Grains.Interfaces.Telephony;

/// <summary>
/// What a territory's SMS and calls cost in one month (Paris time), as Twilio bills them: SMS per segment, calls per
/// started minute. Messages Twilio refused are not counted; one a crash made go twice is, since it was billed twice.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.TelephoneUsage")]
public sealed record TelephoneUsage(
    [property: Id(0)] long Messages,
    [property: Id(1)] long Segments,
    [property: Id(2)] long Calls,
    [property: Id(3)] long Minutes)
{
    public static TelephoneUsage None { get; } = new(0, 0, 0, 0);

    /// <summary>The key of a territory's month: <c>rouen-metropole/2026-12</c>.</summary>
    public static string Key(string territory, DateTimeOffset at) => $"{territory}/{ParisTime.Of(at):yyyy-MM}";

    /// <summary>The minutes Twilio bills for a call of <paramref name="duration"/>: every started minute.</summary>
    public static long BilledMinutes(TimeSpan duration) => duration <= TimeSpan.Zero ? 0 : (long)Math.Ceiling(duration.TotalMinutes);
}
