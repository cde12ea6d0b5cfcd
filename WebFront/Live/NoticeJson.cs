using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.WebFront.Live;

/// <summary>A notice as the contract writes it in JSON (the hub's payload is camelCase, the status a lower-case word).</summary>
public sealed record NoticeJson(
    string Id,
    string Territory,
    string Site,
    string SiteName,
    string Company,
    string EventType,
    ImmutableArray<string> Nuisances,
    string Title,
    string Message,
    string? Instructions,
    bool Exercise,
    NoticeStatus Status,
    DateTimeOffset StartsAt,
    DateTimeOffset? ExpectedEndAt,
    DateTimeOffset PublishedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset ExpiresAt,
    ImmutableArray<NoticeUpdateJson> Updates,
    int Version,
    string? AudioUrl)
{
    public static NoticeJson From(NoticeSnapshot notice) => new(
        notice.Id,
        notice.Territory,
        notice.Site,
        notice.SiteName,
        notice.Company,
        notice.EventType,
        notice.Nuisances.IsDefault ? [] : notice.Nuisances,
        notice.Title,
        notice.Message,
        notice.Instructions,
        notice.Exercise,
        notice.Status,
        notice.StartsAt,
        notice.ExpectedEndAt,
        notice.PublishedAt,
        notice.EndedAt,
        notice.ExpiresAt,
        notice.Updates.IsDefault ? [] : [.. notice.Updates.Select(update => new NoticeUpdateJson(update.At, update.Message))],
        notice.Version,
        notice.AudioUrl);
}
