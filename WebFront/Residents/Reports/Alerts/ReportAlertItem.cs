using AlloIndustrie.Grains.Interfaces.Reports;

namespace AlloIndustrie.WebFront.Residents.Reports.Alerts;

/// <summary>An alert as one account sees it: whether it may acknowledge it.</summary>
public sealed record ReportAlertItem(ReportAlert Alert, bool MayAcknowledge);
