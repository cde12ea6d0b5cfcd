namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>Why a notice version is sent to subscribers (the contract's list; expiry sends nothing).</summary>
[GenerateSerializer, Alias("AlloIndustrie.NoticeMessageKind")]
public enum NoticeMessageKind
{
    /// <summary>Published active, or published scheduled (announced).</summary>
    Published = 0,

    /// <summary>A scheduled notice that has started.</summary>
    Started = 1,

    /// <summary>An update the operator marked "prévenir les abonnés".</summary>
    Updated = 2,

    /// <summary>The all-clear.</summary>
    Ended = 3,

    /// <summary>An erroneous notice taken down, told only to those who had received it.</summary>
    Withdrawn = 4,
}
