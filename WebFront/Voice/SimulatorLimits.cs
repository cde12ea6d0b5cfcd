using System.Threading.RateLimiting;

namespace AlloIndustrie.WebFront.Voice;

/// <summary>
/// Webhooks the phone simulator may post for one account per minute: a call and its keys are a few dozen, and
/// each one runs the phone line for real on this node.
/// </summary>
public sealed class SimulatorLimits : IDisposable
{
    public const int PerAccountPerMinute = 60;

    private readonly PartitionedRateLimiter<string> perAccount = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PerAccountPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool TryPost(string account)
    {
        using var lease = perAccount.AttemptAcquire(account);
        return lease.IsAcquired;
    }

    public void Dispose() => perAccount.Dispose();
}
