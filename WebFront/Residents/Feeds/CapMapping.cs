using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.WebFront.Residents.Feeds;

/// <summary>
/// How a notice reads in CAP 1.2's closed lists. Notices are information about perceptible but controlled
/// events on industrial sites, not hazard warnings (those go through the prefecture's own alerting), so:
/// severity is Minor except for fire and smoke (Moderate); urgency follows the lifecycle (Future while scheduled,
/// Expected while active, Past once over); certainty is Observed, Likely while still to come; the response is
/// Monitor while it lasts, AllClear for the operator's all-clear and None for a withdrawn notice.
/// </summary>
public static class CapMapping
{
    public static string Category(string eventType) => eventType switch
    {
        "fire" => "Fire",
        "siren" => "Safety",
        _ => "Env",
    };

    public static string Severity(string eventType) => eventType is "fire" or "smoke" ? "Moderate" : "Minor";

    public static string Urgency(NoticeStatus status) => status switch
    {
        NoticeStatus.Scheduled => "Future",
        NoticeStatus.Active => "Expected",
        _ => "Past",
    };

    public static string Certainty(NoticeStatus status) => status == NoticeStatus.Scheduled ? "Likely" : "Observed";

    public static string ResponseType(NoticeStatus status) => status switch
    {
        NoticeStatus.Ended or NoticeStatus.Expired => "AllClear",
        NoticeStatus.Withdrawn => "None",
        _ => "Monitor",
    };

    public static string MsgType(NoticeSnapshot notice) => notice switch
    {
        { Status: NoticeStatus.Withdrawn } => "Cancel",
        { Version: > 1 } => "Update",
        _ => "Alert",
    };

    /// <summary>The audio's MIME type, from its extension; CAP requires one.</summary>
    public static string AudioMimeType(string url)
    {
        var path = url.Split('?', '#')[0];
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".wav" => "audio/wav",
            ".ogg" or ".oga" => "audio/ogg",
            ".opus" => "audio/opus",
            _ => "audio/mpeg",
        };
    }
}
