using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.WebFront.Residents.Reports;

namespace AlloIndustrie.WebFront.Residents.Subscriptions;

/// <summary>
/// Sign-ups and their challenges per client and hour, counted like reports (a hash of the client's address, in this
/// process's memory only) but apart from them: <c>Allo:Subscriptions:PerClientPerHour</c> (10) and
/// <c>Allo:Subscriptions:ChallengesPerClientPerHour</c> (30).
/// </summary>
public sealed class SubscriptionLimits(IConfiguration configuration) : IDisposable
{
    private readonly ClientLimits limits = new(new ReportSettings
    {
        PerClientPerHour = Settings.PositiveInteger(configuration, "Allo:Subscriptions:PerClientPerHour", 10),
        ChallengesPerClientPerHour = Settings.PositiveInteger(configuration, "Allo:Subscriptions:ChallengesPerClientPerHour", 30),
    });

    public bool TrySignUp(string source) => limits.TryReport(source);

    public bool TryChallenge(string source) => limits.TryChallenge(source);

    public void Dispose() => limits.Dispose();
}
