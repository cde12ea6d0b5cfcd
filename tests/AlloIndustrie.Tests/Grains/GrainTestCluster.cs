using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.Runtime;
using Orleans.TestingHost;
using AlloIndustrie.Grains;

namespace AlloIndustrie.Tests.Grains;

/// <summary>
/// An in-process cluster whose grains and reminders run on a fake clock, so that a nine-day lifecycle takes
/// milliseconds. Orleans' own maintenance timers stay on real time.
/// </summary>
public sealed class GrainTestCluster : IAsyncDisposable
{
    private GrainTestCluster(InProcessTestCluster cluster, FakeTimeProvider clock)
    {
        Cluster = cluster;
        Clock = clock;
    }

    public InProcessTestCluster Cluster { get; }

    public FakeTimeProvider Clock { get; }

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>
    /// The next noon in Paris: a start for the fake clock where what tests send to subscribers at once is not held by
    /// their quiet hours, whenever the tests run.
    /// </summary>
    public static DateTimeOffset NextNoonInParis()
    {
        var now = DateTimeOffset.UtcNow;
        return AlloIndustrie.Grains.Interfaces.ParisTime.FromLocal(AlloIndustrie.Grains.Interfaces.ParisTime.Of(now).Date.AddDays(1).AddHours(12));
    }

    /// <summary>
    /// Starts one silo; its fake clock starts at <paramref name="start"/>, by default now. With a
    /// <paramref name="serviceId"/>, a cluster started again on the same storage finds the rows of the previous one.
    /// </summary>
    public static async Task<GrainTestCluster> Start(Action<ISiloBuilder> storage, IDictionary<string, string?>? settings = null, DateTimeOffset? start = null, string? serviceId = null)
    {
        var clock = new FakeTimeProvider(start ?? DateTimeOffset.UtcNow);
        var builder = new InProcessTestClusterBuilder(1);
        if (serviceId is not null)
        {
            builder.Options.ServiceId = serviceId;
        }

        builder.ConfigureSilo((_, silo) =>
        {
            storage(silo);
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, clock);
            silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, clock);
            silo.Services.AddAlloGrains(new ConfigurationBuilder()
                .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
                .Build());
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GrainTestCluster(cluster, clock);
    }

    /// <summary>
    /// Moves the fake clock, then lets it run on a minute at a time until the grains have caught up, as seen
    /// through <paramref name="reached"/>. Time has to keep flowing: the reminder service skips the ticks
    /// missed by a jump and loads distant reminders only at its periodic refresh, like after a real outage.
    /// A <paramref name="step"/> longer than a minute suits work that waits hours between two attempts.
    /// </summary>
    public async Task AdvanceUntil(TimeSpan by, Func<Task<bool>> reached, TimeSpan? step = null)
    {
        Clock.Advance(by);
        await Polling.Eventually("the grains to reach the expected state", TimeSpan.FromSeconds(30), async () =>
        {
            if (await reached())
            {
                return true;
            }

            Clock.Advance(step ?? TimeSpan.FromMinutes(1));
            return false;
        });
    }

    /// <summary>Waits for a condition that background work (a reminder) makes true; fails after the patience runs out.</summary>
    public static Task Eventually(Func<Task<bool>> condition) => Polling.Eventually("background work in the grains", TimeSpan.FromSeconds(30), condition);

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
