using AlloIndustrie.WebFront.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace AlloIndustrie.Tests.Storage;

public sealed class SiloConnectionRetryFilterTests
{
    [Theory]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(4, 1600)]
    [InlineData(5, 2000)]
    [InlineData(1000, 2000)]
    public void The_pause_doubles_from_200_ms_up_to_2_s(int attempt, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), SiloConnectionRetryFilter.DelayAfter(attempt));

    [Fact]
    public async Task Retries_any_failure_after_the_delay()
    {
        var filter = new SiloConnectionRetryFilter(NullLogger<SiloConnectionRetryFilter>.Instance);
        var started = DateTime.UtcNow;

        Assert.True(await filter.ShouldRetryConnectionAttempt(new InvalidOperationException("no table yet"), CancellationToken.None));

        Assert.True(DateTime.UtcNow - started >= SiloConnectionRetryFilter.DelayAfter(1) - TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Stops_retrying_when_the_host_stops()
    {
        var filter = new SiloConnectionRetryFilter(NullLogger<SiloConnectionRetryFilter>.Instance);
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        Assert.False(await filter.ShouldRetryConnectionAttempt(new InvalidOperationException("silo down"), stopping.Token));
    }
}
