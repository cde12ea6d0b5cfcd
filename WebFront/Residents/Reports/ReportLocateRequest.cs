namespace AlloIndustrie.WebFront.Residents.Reports;

/// <summary>The JSON body asking which commune a position is in: degrees, already rounded by the page's script.</summary>
public sealed record ReportLocateRequest(double? Latitude, double? Longitude);
