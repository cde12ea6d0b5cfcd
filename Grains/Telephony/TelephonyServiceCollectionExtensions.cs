using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace AlloIndustrie.Grains.Telephony;

public static class TelephonyServiceCollectionExtensions
{
    /// <summary>
    /// Twilio's REST client: its settings (<c>Allo:Twilio</c>) and an HTTP client whose resilience pipeline paces the
    /// requests (a token bucket of <see cref="TwilioRestOptions.RequestsPerSecond"/>), tries again a few times on
    /// 429, 5xx or a refused connection (after Twilio's <c>Retry-After</c> when it is short), and bounds each try.
    /// A try that timed out is not repeated here: Twilio may have taken the message, and the delivery decides.
    /// </summary>
    public static IServiceCollection AddAlloTelephony(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TwilioRestOptions>(configuration.GetSection(TwilioRestOptions.Section));
        services.AddSingleton<TwilioClient>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TelephonePace>();
        services.AddHttpClient(TwilioClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddResilienceHandler("twilio", (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<TwilioRestOptions>>().Value;
                var perSecond = Math.Max(1, settings.RequestsPerSecond);
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(0, settings.RetryAttempts),
                    Delay = settings.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = attempt => ValueTask.FromResult(Transient(attempt.Outcome, settings.MaxInlineRetryAfter)),
                });
                pipeline.AddRateLimiter(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perSecond,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 1000,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    AutoReplenishment = true,
                }));
                pipeline.AddTimeout(settings.Timeout);
            });
        return services;
    }

    /// <summary>Twilio did not take the request and says, or the network says, that it may a moment later.</summary>
    private static bool Transient(Outcome<HttpResponseMessage> outcome, TimeSpan maxInlineWait) => outcome switch
    {
        { Result: { } response } => (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            && (response.Headers.RetryAfter?.Delta is not { } wait || wait <= maxInlineWait),
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
        _ => false,
    };
}
