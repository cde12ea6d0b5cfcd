using Orleans.Concurrency;

namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>How many times callers heard a notice on the phone line (key = notice id).</summary>
[Alias("AlloIndustrie.INoticeListensGrain")]
public interface INoticeListensGrain : IGrainWithStringKey
{
    /// <summary>A caller was played the notice; one-way so that no webhook waits on storage.</summary>
    [OneWay]
    [Alias("Listened")]
    Task Listened();

    /// <summary>The number of listens so far.</summary>
    [Alias("Get")]
    Task<long> Get();
}
