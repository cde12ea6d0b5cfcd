namespace AlloIndustrie.WebFront.Public.Localization;

/// <summary>The languages of the public site: French first, English second.</summary>
public enum Language
{
    French = 0,
    English = 1,
}
