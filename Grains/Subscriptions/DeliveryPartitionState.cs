using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.Grains.Subscriptions;

public sealed class DeliveryPartitionState
{
    /// <summary>The version being sent (or last sent).</summary>
    public int Version { get; set; }

    public NoticeSnapshot? Notice { get; set; }

    public NoticeMessageKind Kind { get; set; }

    public ImmutableArray<string> Communes { get; set; } = [];

    public int Bucket { get; set; }

    public string TerritoryName { get; set; } = "";

    /// <summary>When this version was queued: a message still failing <c>GiveUpAfter</c> later counts as failed.</summary>
    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>Not before this time (a provider's <c>Retry-After</c>, or the back-off of a failing one).</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Passing failures in a row, for the back-off.</summary>
    public int Failures { get; set; }

    /// <summary>Subscriptions still to get this version, in order.</summary>
    public List<PendingSend> Remaining { get; set; } = [];

    /// <summary>Subscriptions that got some version of the notice: those a withdrawal is told to.</summary>
    public HashSet<string> Told { get; set; } = [];

    /// <summary>Sent, failed and ended per channel, over every version.</summary>
    public Dictionary<SubscriptionChannel, SendTally> Tallies { get; set; } = [];
}

/// <summary>One message still to send.</summary>
public sealed record PendingSend(string Id, SubscriptionChannel Channel);

/// <summary>What a partition did on one channel.</summary>
public sealed class SendTally
{
    public int Sent { get; set; }

    public int Failed { get; set; }

    public int Ended { get; set; }
}
