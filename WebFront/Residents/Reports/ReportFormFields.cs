namespace AlloIndustrie.WebFront.Residents.Reports;

/// <summary>What a resident typed in the form, carried through the confirmation page as it was.</summary>
public sealed record ReportFormFields(string? Kind, string? Commune, string? Ago, string? Text);
