using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.Grains.Subscriptions;

public sealed class NoticeDeliveryState
{
    /// <summary>The newest version accepted (sent or, for a withdrawal of a notice never sent, not).</summary>
    public int Version { get; set; }

    /// <summary>The version being fanned out, until every bucket has it.</summary>
    public NoticeSnapshot? Notice { get; set; }

    public NoticeMessageKind Kind { get; set; }

    public ImmutableArray<string> Communes { get; set; } = [];

    public string TerritoryName { get; set; } = "";

    /// <summary>Buckets that exist for this version (the index's count when the fan-out began), null until it begins.</summary>
    public int? Buckets { get; set; }

    /// <summary>Buckets told so far; the fan-out resumes here.</summary>
    public int Told { get; set; }

    /// <summary>The most buckets any version went to: what the counts sum over.</summary>
    public int MaxBuckets { get; set; }

    /// <summary>Whether a version was ever sent, which a withdrawal needs to be told.</summary>
    public bool Sent { get; set; }
}
