using System.Net;

namespace AlloIndustrie.WebFront.Reports;

/// <summary>The web front's side of <c>Allo:Reports</c>: the per-client limit and whom to believe about a client's address.</summary>
public sealed record ReportSettings
{
    /// <summary>Reports one client may send per hour (<c>Allo:Reports:PerClientPerHour</c>).</summary>
    public int PerClientPerHour { get; init; } = 10;

    /// <summary>Challenges one client may ask for per hour (<c>Allo:Reports:ChallengesPerClientPerHour</c>).</summary>
    public int ChallengesPerClientPerHour { get; init; } = 30;

    /// <summary>
    /// Reverse proxies whose <c>X-Forwarded-For</c> is believed (<c>Allo:Reports:TrustedProxies</c>, comma-separated):
    /// behind a proxy every resident would otherwise be one client.
    /// </summary>
    public IReadOnlySet<IPAddress> TrustedProxies { get; init; } = new HashSet<IPAddress>();

    public static ReportSettings From(IConfiguration configuration) => new()
    {
        PerClientPerHour = configuration.GetValue("Allo:Reports:PerClientPerHour", 10),
        ChallengesPerClientPerHour = configuration.GetValue("Allo:Reports:ChallengesPerClientPerHour", 30),
        TrustedProxies = (configuration["Allo:Reports:TrustedProxies"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(IPAddress.Parse)
            .ToHashSet(),
    };
}
