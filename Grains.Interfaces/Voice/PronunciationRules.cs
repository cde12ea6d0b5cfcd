namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>The limits of a territory's pronunciation lexicon, shared by the dashboard's form and the lexicon grain.</summary>
public static class PronunciationRules
{
    public const int WrittenMaxLength = 60;
    public const int SpokenMaxLength = 200;
    public const int MaxEntries = 500;
}
