using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.WebFront.Audit;

/// <summary>What the audit trail keeps of a notice: what residents saw, without the timeline already logged entry by entry.</summary>
public static class AuditViews
{
    public static object Notice(NoticeSnapshot notice) => new
    {
        notice.Site,
        notice.Status,
        notice.Version,
        notice.EventType,
        notice.Title,
        notice.Message,
        notice.Instructions,
        notice.Exercise,
        notice.StartsAt,
        notice.ExpectedEndAt,
        notice.ExpiresAt,
        LastUpdate = notice.Updates.IsDefaultOrEmpty ? null : notice.Updates[^1].Message,
        notice.WithdrawnReason,
    };
}
