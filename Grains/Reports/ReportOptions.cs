using AlloIndustrie.Grains.Interfaces;

namespace AlloIndustrie.Grains.Reports;

/// <summary>Bound from <c>Allo:Reports</c>.</summary>
public sealed class ReportOptions
{
    public const string Section = "Allo:Reports";

    /// <summary>Distinct sources in nearby communes that make a cluster; never fewer than two, so one source alone cannot.</summary>
    public int ClusterThreshold { get; set; } = 5;

    /// <summary>How long a report counts towards a cluster; also how far back a resident may date a report.</summary>
    public TimeSpan Window { get; set; } = PersonalDataRetention.ReportWindow;

    /// <summary>Leading zero bits a script must find in SHA-256(challenge + nonce): about 2^bits hashes.</summary>
    public int ProofBits { get; set; } = 16;

    /// <summary>How long a form without script waits between its challenge and its acceptance.</summary>
    public TimeSpan FormDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a challenge may be answered.</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Reports accepted per commune per hour, whoever sends them.</summary>
    public int PerCommunePerHour { get; set; } = 120;

    public int EffectiveThreshold => Math.Max(2, ClusterThreshold);
}
