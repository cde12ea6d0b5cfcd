namespace AlloIndustrie.Grains;

/// <summary>How grains wake themselves at a deadline kept in their state.</summary>
public static class DeadlineReminders
{
    /// <summary>Orleans reminders cannot tick faster; it is also how soon a failed step is retried.</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);

    // A deadline further away is reached in hops, so that no timer has to span a whole retention.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(7);

    /// <summary>The reminder's due time for <paramref name="deadline"/>: never negative, at most a week.</summary>
    public static TimeSpan DueTime(DateTimeOffset deadline, DateTimeOffset now) =>
        TimeSpan.FromTicks(Math.Clamp((deadline - now).Ticks, 0, LongestWait.Ticks));
}
