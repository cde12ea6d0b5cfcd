namespace AlloIndustrie.WebFront.Hosting;

/// <summary>
/// Keeps the web front waiting for the silo at start-up (the silo may start later, or still be
/// creating its database schema) instead of failing after Orleans' default handful of attempts.
/// Host shutdown cancels the wait.
/// </summary>
public sealed partial class SiloConnectionRetryFilter(ILogger<SiloConnectionRetryFilter> logger) : IClientConnectionRetryFilter
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private int attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref attempts);
        LogRetrying(attempt, RetryDelay, exception.GetType().Name, exception.Message);
        try
        {
            await Task.Delay(RetryDelay, cancellationToken);
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
