using Orleans.Concurrency;

namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>The phone line's counters for one territory (key = territory slug), for the dashboards.</summary>
[Alias("AlloIndustrie.IPhoneLineStatsGrain")]
public interface IPhoneLineStatsGrain : IGrainWithStringKey
{
    /// <summary>A call was answered; one-way so that no webhook waits on storage.</summary>
    [OneWay]
    [Alias("CallAnswered")]
    Task CallAnswered();

    /// <summary>An answered call ended after <paramref name="duration"/>.</summary>
    [OneWay]
    [Alias("CallEnded")]
    Task CallEnded(TimeSpan duration);

    /// <summary>The counters so far.</summary>
    [Alias("Get")]
    Task<PhoneLineStats> Get();
}
