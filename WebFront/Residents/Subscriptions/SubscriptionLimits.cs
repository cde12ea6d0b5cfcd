using System.Threading.RateLimiting;
using AlloIndustrie.WebFront.Residents.Reports;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.WebFront.Residents.Subscriptions;

/// <summary>
/// Sign-ups and their challenges per client and hour, counted like reports (a hash of the client's address, in this
/// process's memory only) but apart from them: <c>Allo:Subscriptions:PerClientPerHour</c> (10) and
/// <c>Allo:Subscriptions:ChallengesPerClientPerHour</c> (30); and SMS codes per client and day,
/// <c>Allo:Subscriptions:CodesPerClientPerDay</c> (5).
/// </summary>
public sealed class SubscriptionLimits(IOptionsMonitor<ReportSettings> settings, IOptions<SubscriptionCodeSettings> codeSettings) : IDisposable
{
    public const string OptionsName = "subscriptions";
    public const string Section = "Allo:Subscriptions";

    private readonly ClientLimits limits = new(settings.Get(OptionsName));

    private readonly PartitionedRateLimiter<string> codes = PartitionedRateLimiter.Create<string, string>(source =>
        RateLimitPartition.GetSlidingWindowLimiter(source, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = codeSettings.Value.CodesPerClientPerDay,
            Window = TimeSpan.FromHours(24),
            SegmentsPerWindow = 24,
            QueueLimit = 0,
        }));

    public bool TrySignUp(string source) => limits.TryReport(source);

    /// <summary>A code sent by SMS costs money and reaches someone's phone: one client may have few sent a day, whatever the numbers.</summary>
    public bool TryCode(string source) => codes.AttemptAcquire(source).IsAcquired;

    public bool TryChallenge(string source) => limits.TryChallenge(source);

    public void Dispose()
    {
        limits.Dispose();
        codes.Dispose();
    }
}
