namespace AlloIndustrie.WebFront.Dashboard;

/// <summary>Bound from <c>Allo:Dashboard</c>.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Allo:Dashboard";

    public int LoginAttemptsPerAddressPerMinute { get; set; } = 30;

    public int LoginAttemptsPerAccountPerMinute { get; set; } = 10;

    /// <summary>Failed passwords or codes before an account is locked.</summary>
    public int MaxFailedAccessAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A session ends after this much inactivity.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long the publish form waits for the draft's audio preview before saying it is not available.</summary>
    public TimeSpan AudioPreviewTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
