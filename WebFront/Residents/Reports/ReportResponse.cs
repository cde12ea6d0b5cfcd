namespace AlloIndustrie.WebFront.Residents.Reports;

/// <summary>An accepted report: the commune it counts for, the notices that probably explain it (possibly none) and what to tell the resident.</summary>
public sealed record ReportResponse(string Message, string? Commune, IReadOnlyList<ReportExplanationDto> Explanations);

/// <summary>A notice that probably explains a report, with the link to its public page.</summary>
public sealed record ReportExplanationDto(string NoticeId, string Title, string SiteName, string Company, string Url);

/// <summary>The commune of the territory a position is in.</summary>
public sealed record LocatedCommuneResponse(string Commune);
