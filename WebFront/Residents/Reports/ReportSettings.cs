using AlloIndustrie.ServiceDefaults.Configuration;

namespace AlloIndustrie.WebFront.Residents.Reports;

/// <summary>The web front's side of <c>Allo:Reports</c>: the per-client limits.</summary>
public sealed record ReportSettings
{
    /// <summary>Reports one client may send per hour (<c>Allo:Reports:PerClientPerHour</c>).</summary>
    public int PerClientPerHour { get; init; } = 10;

    /// <summary>Challenges one client may ask for per hour (<c>Allo:Reports:ChallengesPerClientPerHour</c>).</summary>
    public int ChallengesPerClientPerHour { get; init; } = 30;

    public static ReportSettings From(IConfiguration configuration) => new()
    {
        PerClientPerHour = Settings.PositiveInteger(configuration, "Allo:Reports:PerClientPerHour", 10),
        ChallengesPerClientPerHour = Settings.PositiveInteger(configuration, "Allo:Reports:ChallengesPerClientPerHour", 30),
    };
}
