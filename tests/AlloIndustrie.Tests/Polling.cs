namespace AlloIndustrie.Tests;

/// <summary>
/// Waits for what background work (a reminder, a probe, another process) makes true, by asking again and again, and
/// fails naming what never came. Only for what no fake clock or test barrier can say at once.
/// </summary>
public static class Polling
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(500);

    /// <param name="what">What is awaited, for the failure's message: "the reminder to fire".</param>
    /// <param name="patience">How long it may take at most.</param>
    /// <param name="condition">True once it happened. An exception <paramref name="transient"/> accepts counts as not yet.</param>
    /// <param name="details">More to say on failure (the processes' logs).</param>
    /// <param name="givenUp">True when waiting longer is pointless (a process died): fail at once.</param>
    public static async Task Eventually(
        string what,
        TimeSpan patience,
        Func<Task<bool>> condition,
        Func<string>? details = null,
        Func<Exception, bool>? transient = null,
        Func<bool>? givenUp = null)
    {
        var deadline = DateTime.UtcNow + patience;
        var pause = FirstPause;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception e) when (transient?.Invoke(e) == true)
            {
            }

            if (DateTime.UtcNow > deadline || givenUp?.Invoke() == true)
            {
                throw new TimeoutException($"Timed out after {patience.TotalSeconds:0} s waiting for {what}.{(details is null ? "" : "\n" + details())}");
            }

            await Task.Delay(pause);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    /// <inheritdoc cref="Eventually(string, TimeSpan, Func{Task{bool}}, Func{string}?, Func{Exception, bool}?, Func{bool}?)"/>
    public static Task Eventually(string what, TimeSpan patience, Func<bool> condition) =>
        Eventually(what, patience, () => Task.FromResult(condition()));
}
