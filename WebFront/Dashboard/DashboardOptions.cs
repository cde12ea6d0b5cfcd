using AlloIndustrie.ServiceDefaults.Configuration;

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

    /// <summary>Audio previews one account may have synthesised in an hour (one at a time).</summary>
    public int AudioPreviewsPerAccountPerHour { get; set; } = 20;

    /// <summary>
    /// Marks the session and antiforgery cookies Secure whatever the request's scheme, and refuses the dashboard
    /// over plain HTTP (<see cref="Security.HttpsOnly"/>), for a deployment that must never send them in clear.
    /// Otherwise they are Secure when the request, or a trusted proxy, says HTTPS.
    /// </summary>
    public bool SecureCookiesOnly { get; set; }

    public static SettingException? Check(DashboardOptions options) =>
        SettingRules.AtLeastOne($"{Section}:LoginAttemptsPerAddressPerMinute", options.LoginAttemptsPerAddressPerMinute)
        ?? SettingRules.AtLeastOne($"{Section}:LoginAttemptsPerAccountPerMinute", options.LoginAttemptsPerAccountPerMinute)
        ?? SettingRules.AtLeastOne($"{Section}:MaxFailedAccessAttempts", options.MaxFailedAccessAttempts)
        ?? SettingRules.Positive($"{Section}:LockoutDuration", options.LockoutDuration)
        ?? SettingRules.Positive($"{Section}:SessionIdleTimeout", options.SessionIdleTimeout)
        ?? SettingRules.Positive($"{Section}:AudioPreviewTimeout", options.AudioPreviewTimeout)
        ?? SettingRules.AtLeastOne($"{Section}:AudioPreviewsPerAccountPerHour", options.AudioPreviewsPerAccountPerHour);
}
