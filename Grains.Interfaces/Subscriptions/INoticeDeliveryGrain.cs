using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// A notice's deliveries to subscribers, keyed by the notice's id: one durable delivery per version that calls
/// for one, fanned out to one <see cref="IDeliveryPartitionGrain"/> per bucket of the territory's index. A newer
/// version supersedes an older one; a version at or below one already accepted is ignored, so the notice may
/// repeat itself after a failure.
/// </summary>
[Alias("AlloIndustrie.INoticeDeliveryGrain")]
public interface INoticeDeliveryGrain : IGrainWithStringKey
{
    /// <summary>Accepts a version to send (stored before it returns), then fans it out in the background.</summary>
    [Alias("Deliver")]
    Task Deliver(NoticeSnapshot notice, NoticeMessageKind kind);

    /// <summary>The counts per channel, summed over the partitions.</summary>
    [Alias("Counts")]
    Task<ImmutableArray<ChannelCounts>> Counts();
}
