using System.Text.Json.Serialization;

namespace AlloIndustrie.WebFront.Api;

/// <summary>
/// The publish body as sent. Dates and the retention stay text here so that a malformed value gets a French
/// message naming its field rather than a generic JSON error. An unknown field is refused, not ignored: a
/// misspelt <c>exercise</c> would otherwise publish a drill as a real event.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PublishNoticeRequest(
    string? EventType,
    List<string>? Nuisances,
    string? Title,
    string? Message,
    string? Instructions,
    bool? Exercise,
    string? StartsAt,
    string? ExpectedEndAt,
    string? Retention);
