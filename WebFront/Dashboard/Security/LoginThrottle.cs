using System.Threading.RateLimiting;

namespace AlloIndustrie.WebFront.Dashboard.Security;

/// <summary>
/// Limits sign-in attempts (passwords, then two-factor codes) per client address and per address and e-mail,
/// before any password or code is checked; the per-account lockout of Identity stops slow guessing on one
/// account from many addresses.
/// </summary>
public sealed class LoginThrottle(DashboardOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> perAddress = Limiter(options.LoginAttemptsPerAddressPerMinute);
    private readonly PartitionedRateLimiter<string> perAccount = Limiter(options.LoginAttemptsPerAccountPerMinute);

    public const string Refusal = "Trop de tentatives de connexion : réessayez dans une minute.";

    /// <param name="address">The client, as <see cref="Hosting.ClientAddress"/> counts it.</param>
    public bool TryEnter(string address, string email)
    {
        using var byAddress = perAddress.AttemptAcquire(address);
        using var byAccount = perAccount.AttemptAcquire($"{address}|{email.Trim().ToUpperInvariant()}");
        return byAddress.IsAcquired && byAccount.IsAcquired;
    }

    public void Dispose()
    {
        perAddress.Dispose();
        perAccount.Dispose();
    }

    private static PartitionedRateLimiter<string> Limiter(int perMinute) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
}
