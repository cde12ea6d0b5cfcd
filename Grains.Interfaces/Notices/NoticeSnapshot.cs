using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Notices;

/// <summary>
/// A notice as every channel sees it. <see cref="AsOf"/> must be applied before serving it, so that a
/// notice is never shown past <see cref="ExpiresAt"/> nor as scheduled after its start, whatever the
/// reminders have done yet.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.NoticeSnapshot")]
public sealed record NoticeSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Territory,
    [property: Id(2)] string Site,
    [property: Id(3)] string SiteName,
    [property: Id(4)] string Company,
    [property: Id(5)] string EventType,
    [property: Id(6)] ImmutableArray<string> Nuisances,
    [property: Id(7)] string Title,
    [property: Id(8)] string Message,
    [property: Id(9)] string? Instructions,
    [property: Id(10)] bool Exercise,
    [property: Id(11)] NoticeStatus Status,
    [property: Id(12)] DateTimeOffset StartsAt,
    [property: Id(13)] DateTimeOffset? ExpectedEndAt,
    [property: Id(14)] DateTimeOffset PublishedAt,
    [property: Id(15)] DateTimeOffset? EndedAt,
    [property: Id(16)] DateTimeOffset ExpiresAt,
    [property: Id(17)] ImmutableArray<NoticeUpdate> Updates,
    [property: Id(18)] int Version,
    [property: Id(19)] string? AudioUrl,
    [property: Id(20)] DateTimeOffset UpdatedAt,
    [property: Id(21)] string? WithdrawnReason)
{
    /// <summary>The statuses a resident may see.</summary>
    public static bool IsPublicStatus(NoticeStatus status) =>
        status is NoticeStatus.Scheduled or NoticeStatus.Active or NoticeStatus.Ended;

    /// <summary>The notice with the status that holds at <paramref name="now"/>.</summary>
    public NoticeSnapshot AsOf(DateTimeOffset now)
    {
        if (Status is NoticeStatus.Withdrawn or NoticeStatus.Expired)
        {
            return this;
        }

        if (now >= ExpiresAt)
        {
            return this with { Status = NoticeStatus.Expired };
        }

        return Status == NoticeStatus.Scheduled && now >= StartsAt ? this with { Status = NoticeStatus.Active } : this;
    }

    /// <summary>Whether residents may see this notice at <paramref name="now"/>.</summary>
    public bool IsPublicAt(DateTimeOffset now) => IsPublicStatus(AsOf(now).Status);
}
