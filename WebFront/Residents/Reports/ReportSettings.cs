using AlloIndustrie.ServiceDefaults.Configuration;

namespace AlloIndustrie.WebFront.Residents.Reports;

/// <summary>
/// The web front's side of <c>Allo:Reports</c>: the per-client limits. The sign-ups' limits have the same shape,
/// bound from <c>Allo:Subscriptions</c> under the name <see cref="Subscriptions.SubscriptionLimits.OptionsName"/>.
/// </summary>
public sealed record ReportSettings
{
    public const string Section = "Allo:Reports";

    /// <summary>Reports one client may send per hour (<c>Allo:Reports:PerClientPerHour</c>).</summary>
    public int PerClientPerHour { get; init; } = 10;

    /// <summary>Challenges one client may ask for per hour (<c>Allo:Reports:ChallengesPerClientPerHour</c>).</summary>
    public int ChallengesPerClientPerHour { get; init; } = 30;

    /// <summary>The rule for the settings bound from <paramref name="section"/>.</summary>
    public static Func<ReportSettings, SettingException?> Check(string section) => settings =>
        SettingRules.AtLeastOne($"{section}:PerClientPerHour", settings.PerClientPerHour)
        ?? SettingRules.AtLeastOne($"{section}:ChallengesPerClientPerHour", settings.ChallengesPerClientPerHour);
}
