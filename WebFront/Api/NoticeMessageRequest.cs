using System.Text.Json.Serialization;

namespace AlloIndustrie.WebFront.Api;

/// <summary>
/// The body of an update (<c>message</c>, and <c>notify</c>: send it to the notice's subscribers, by default), an
/// all-clear (optional <c>message</c>) or a withdrawal (<c>reason</c>). An unknown field is refused: a misspelt
/// <c>notify</c> must not send what the operator meant to hold back.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record NoticeMessageRequest(string? Message, string? Reason, bool? Notify = null);
