namespace AlloIndustrie.WebFront.Residents.Reports;

/// <summary>
/// The JSON body of a report; <c>occurredAt</c> is ISO 8601 with an offset, or <c>minutesAgo</c> by the server's
/// clock; now when both are absent. The place is a <c>commune</c> of the list, or a <c>latitude</c> and
/// <c>longitude</c> that only serve to find it.
/// </summary>
public sealed record ReportRequest(
    string? Kind, string? Commune, string? OccurredAt, int? MinutesAgo, string? Text, string? Challenge, string? Nonce,
    double? Latitude = null, double? Longitude = null);
