namespace AlloIndustrie.WebFront.Reports;

/// <summary>The JSON body of a report; <c>occurredAt</c> is ISO 8601 with an offset, or <c>minutesAgo</c> by the server's clock; now when both are absent.</summary>
public sealed record ReportRequest(string? Kind, string? Commune, string? OccurredAt, int? MinutesAgo, string? Text, string? Challenge, string? Nonce);
