namespace AlloIndustrie.WebFront.Hosting;

/// <summary>
/// Keeps the web front waiting for the silo at start-up (the silo may start later, or still be
/// creating its database schema) instead of failing after Orleans' default handful of attempts.
/// The first attempts follow each other closely, because a silo that is not there yet is usually there a moment
/// later: a fixed 2 s pause kept the web front waiting up to 2 s after that. Host shutdown cancels the wait.
/// </summary>
public sealed partial class SiloConnectionRetryFilter(ILogger<SiloConnectionRetryFilter> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);

    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(2);

    private int attempts;

    /// <summary>The pause after the <paramref name="attempt"/>th failed attempt: doubling from <see cref="FirstDelay"/> up to <see cref="LongestDelay"/>.</summary>
    public static TimeSpan DelayAfter(int attempt) =>
        TimeSpan.FromTicks(Math.Min(LongestDelay.Ticks, FirstDelay.Ticks << Math.Clamp(attempt - 1, 0, 20)));

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref attempts);
        var delay = DelayAfter(attempt);
        LogRetrying(attempt, delay, exception.GetType().Name, exception.Message);
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach the silo yet (attempt {Attempt}, {ErrorType}: {ErrorMessage}); retrying in {Delay}.")]
    private partial void LogRetrying(int attempt, TimeSpan delay, string errorType, string errorMessage);
}
