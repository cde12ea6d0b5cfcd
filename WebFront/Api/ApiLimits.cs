using System.Threading.RateLimiting;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.WebFront.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.WebFront.Api;

/// <summary>
/// The API's rate limits. Before anything is looked up, per client address (<see cref="ClientAddress"/>): every
/// request of the operators' and of the public API, and, tighter, the operators' requests whose key was refused,
/// so that guessing keys under ever new ids earns 429s. After a key is verified, per key.
/// </summary>
public sealed class ApiLimits : IDisposable
{
    public const string OperatorPolicy = "operators";
    public const string PublicPolicy = "public";
    public const string Refusal = "Trop de requêtes : réessayez dans une minute.";

    private readonly PartitionedRateLimiter<string> perKey;
    private readonly PartitionedRateLimiter<string> refusedKeys;

    public ApiLimits(IOptions<ApiOptions> options)
    {
        var rates = options.Value;
        OperatorPerAddress = rates.OperatorRequestsPerAddressPerMinute;
        PublicPerAddress = rates.PublicRequestsPerAddressPerMinute;
        perKey = Limiter(rates.OperatorRequestsPerMinute);
        refusedKeys = Limiter(rates.RefusedKeysPerAddressPerMinute);
    }

    public int OperatorPerAddress { get; }

    public int PublicPerAddress { get; }

    /// <summary>True while the client may still try a key: it has not had too many refused.</summary>
    public bool MayTryKey(HttpContext http) => refusedKeys.GetStatistics(ClientAddress.Of(http))?.CurrentAvailablePermits is not 0;

    public void KeyRefused(HttpContext http) => refusedKeys.AttemptAcquire(ClientAddress.Of(http)).Dispose();

    /// <summary>Counts one request of a verified key; false once the key is over its limit.</summary>
    public bool TryKey(string keyId)
    {
        using var lease = perKey.AttemptAcquire(keyId);
        return lease.IsAcquired;
    }

    /// <summary>The refusal of a client or key over its limit, to try again in a minute.</summary>
    public static CommandError TooManyRequests { get; } = CommandError.TooMany(Refusal, TimeSpan.FromMinutes(1));

    public static ProblemHttpResult TooMany(HttpContext http) => Problems.From(TooManyRequests, http);

    public void Dispose()
    {
        perKey.Dispose();
        refusedKeys.Dispose();
    }

    public static RateLimitPartition<string> PerAddress(HttpContext http, string policy, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(policy + ":" + ClientAddress.Of(http), _ => Window(perMinute));

    private static PartitionedRateLimiter<string> Limiter(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(perMinute)));

    private static FixedWindowRateLimiterOptions Window(int perMinute) =>
        new() { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
