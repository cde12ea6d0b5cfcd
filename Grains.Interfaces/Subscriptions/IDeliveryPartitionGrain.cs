using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// The delivery of one notice to one bucket, keyed by <c>{notice id}/{bucket}</c>. It keeps in storage what is
/// left to send of the version it delivers and sends it window by window; a reminder resumes it after a crash. A
/// newer version replaces what is left of an older one.
/// </summary>
[Alias("AlloIndustrie.IDeliveryPartitionGrain")]
public interface IDeliveryPartitionGrain : IGrainWithStringKey
{
    /// <summary>Starts (or supersedes with) a version; ignored if this version or a newer one was started.</summary>
    [Alias("Start")]
    Task Start(DeliveryOrder order);

    /// <summary>The counts per channel.</summary>
    [Alias("Counts")]
    Task<ImmutableArray<ChannelCounts>> Counts();
}
