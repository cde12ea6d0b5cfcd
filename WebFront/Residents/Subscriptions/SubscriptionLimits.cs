using AlloIndustrie.WebFront.Residents.Reports;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.WebFront.Residents.Subscriptions;

/// <summary>
/// Sign-ups and their challenges per client and hour, counted like reports (a hash of the client's address, in this
/// process's memory only) but apart from them: <c>Allo:Subscriptions:PerClientPerHour</c> (10) and
/// <c>Allo:Subscriptions:ChallengesPerClientPerHour</c> (30).
/// </summary>
public sealed class SubscriptionLimits(IOptionsMonitor<ReportSettings> settings) : IDisposable
{
    public const string OptionsName = "subscriptions";
    public const string Section = "Allo:Subscriptions";

    private readonly ClientLimits limits = new(settings.Get(OptionsName));

    public bool TrySignUp(string source) => limits.TryReport(source);

    public bool TryChallenge(string source) => limits.TryChallenge(source);

    public void Dispose() => limits.Dispose();
}
