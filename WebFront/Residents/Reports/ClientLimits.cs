using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using AlloIndustrie.Grains.Interfaces.Reports;
using AlloIndustrie.WebFront.Hosting;

namespace AlloIndustrie.WebFront.Residents.Reports;

/// <summary>
/// Who a client is, as far as limits go: a hash of its address, held in this process's memory only and
/// never written anywhere; and how many reports and challenges it may ask for per hour.
/// </summary>
public sealed class ClientLimits(ReportSettings settings) : IDisposable
{
    /// <summary>When a refused client may try again (<see cref="ReportVocabulary.RetryAfter"/>).</summary>
    public static readonly TimeSpan RetryAfter = ReportVocabulary.RetryAfter;

    private readonly PartitionedRateLimiter<string> reports = Limiter(settings.PerClientPerHour);
    private readonly PartitionedRateLimiter<string> challenges = Limiter(settings.ChallengesPerClientPerHour);

    /// <summary>
    /// The client's source: SHA-256 of its address, which behind a trusted proxy is the one it forwarded
    /// (see <see cref="Hosting.ReverseProxyExtensions"/>), and for IPv6 its /64 (<see cref="ClientAddress"/>).
    /// </summary>
    public static string Source(HttpContext http) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(ClientAddress.Of(http))));

    public bool TryReport(string source) => reports.AttemptAcquire(source).IsAcquired;

    public bool TryChallenge(string source) => challenges.AttemptAcquire(source).IsAcquired;

    public void Dispose()
    {
        reports.Dispose();
        challenges.Dispose();
    }

    private static PartitionedRateLimiter<string> Limiter(int perHour) => PartitionedRateLimiter.Create<string, string>(source =>
        RateLimitPartition.GetSlidingWindowLimiter(source, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perHour),
            Window = TimeSpan.FromHours(1),
            SegmentsPerWindow = (int)(TimeSpan.FromHours(1) / RetryAfter),
            QueueLimit = 0,
        }));
}
