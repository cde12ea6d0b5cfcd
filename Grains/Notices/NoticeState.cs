using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.Grains.Notices;

/// <summary>A notice's durable state; the deadlines live here so that reminders only have to wake the grain.</summary>
public sealed class NoticeState
{
    public string Territory { get; set; } = "";
    public string Site { get; set; } = "";
    public string SiteName { get; set; } = "";
    public string Company { get; set; } = "";
    public string EventType { get; set; } = "";
    public List<string> Nuisances { get; set; } = [];
    public string Title { get; set; } = "";
    public string Message { get; set; } = "";
    public string? Instructions { get; set; }
    public bool Exercise { get; set; }
    public NoticeStatus Status { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset? ExpectedEndAt { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public TimeSpan Retention { get; set; }
    public List<NoticeUpdate> Updates { get; set; } = [];
    public int Version { get; set; }
    public string? AudioUrl { get; set; }
    public int AudioVersion { get; set; }
    public string? WithdrawnReason { get; set; }

    /// <summary>
    /// Why the current version goes to subscribers, if it does; kept so that a tick after a failed hand-over gives it
    /// to the delivery again (which ignores a version it has).
    /// </summary>
    public NoticeMessageKind? TellSubscribers { get; set; }

    /// A new notice from its draft, once <see cref="NoticeRules.Validate"/> found nothing wrong: what publishing
    /// stores, and what the publish form previews.
    /// </summary>
    public static NoticeState Create(NoticeCreation creation, DateTimeOffset now)
    {
        var draft = creation.Draft;
        var startsAt = draft.StartsAt ?? now;
        var retention = draft.Retention ?? creation.DefaultRetention;
        return new NoticeState
        {
            Territory = creation.Territory,
            Site = creation.Site,
            SiteName = creation.SiteName,
            Company = creation.Company,
            EventType = draft.EventType,
            Nuisances = draft.Nuisances.IsDefault ? [] : [.. draft.Nuisances.Distinct()],
            Title = draft.Title.Trim(),
            Message = draft.Message.Trim(),
            Instructions = string.IsNullOrWhiteSpace(draft.Instructions) ? null : draft.Instructions.Trim(),
            Exercise = draft.Exercise,
            Status = startsAt > now ? NoticeStatus.Scheduled : NoticeStatus.Active,
            StartsAt = startsAt,
            ExpectedEndAt = draft.ExpectedEndAt,
            PublishedAt = now,
            UpdatedAt = now,
            ExpiresAt = startsAt + retention,
            Retention = retention,
        };
    }

    /// <summary>The notice as every channel reads it at <paramref name="now"/>.</summary>
    public NoticeSnapshot Snapshot(string id, DateTimeOffset now) => new NoticeSnapshot(
        id,
        Territory,
        Site,
        SiteName,
        Company,
        EventType,
        [.. Nuisances],
        Title,
        Message,
        Instructions,
        Exercise,
        Status,
        StartsAt,
        ExpectedEndAt,
        PublishedAt,
        EndedAt,
        ExpiresAt,
        [.. Updates],
        Version,
        AudioVersion == Version ? AudioUrl : null,
        UpdatedAt,
        WithdrawnReason).AsOf(now);
}
