namespace AlloIndustrie.WebFront.Residents.Legal;

/// <summary>Where the legal pages are: under a territory's page, or at the root for the pages no territory owns.</summary>
public static class LegalPaths
{
    public const string AccessibilitySegment = "accessibilite";
    public const string PersonalDataSegment = "donnees-personnelles";
    public const string LegalNoticeSegment = "mentions-legales";

    public static string Accessibility(string? territory) => Under(territory, AccessibilitySegment);

    public static string PersonalData(string? territory) => Under(territory, PersonalDataSegment);

    public static string LegalNotice(string? territory) => Under(territory, LegalNoticeSegment);

    private static string Under(string? territory, string segment) => territory is null ? $"/{segment}" : $"/{territory}/{segment}";
}
