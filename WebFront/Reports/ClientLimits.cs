using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;

namespace AlloIndustrie.WebFront.Reports;

/// <summary>
/// Who a client is, as far as limits go: a hash of its address, held in this process's memory only and
/// never written anywhere; and how many reports and challenges it may ask for per hour.
/// </summary>
public sealed class ClientLimits(ReportSettings settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> reports = Limiter(settings.PerClientPerHour);
    private readonly PartitionedRateLimiter<string> challenges = Limiter(settings.ChallengesPerClientPerHour);

    /// <summary>The client's source: SHA-256 of its address (the first untrusted one behind trusted proxies).</summary>
    public string Source(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress ?? IPAddress.None;
        if (settings.TrustedProxies.Contains(address)
            && http.Request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } chain)
        {
            foreach (var hop in chain.Reverse())
            {
                if (!IPAddress.TryParse(hop, out var parsed))
                {
                    break;
                }

                address = parsed;
                if (!settings.TrustedProxies.Contains(parsed))
                {
                    break;
                }
            }
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(address.ToString())));
    }

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
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));
}
