namespace AlloIndustrie.Grains.Interfaces.Words;

/// <summary>The languages residents read and hear: French first, English second.</summary>
public enum Language
{
    French = 0,
    English = 1,
}
