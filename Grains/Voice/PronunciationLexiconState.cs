namespace AlloIndustrie.Grains.Voice;

[GenerateSerializer, Alias("AlloIndustrie.PronunciationLexiconState")]
public sealed class PronunciationLexiconState
{
    [Id(0)]
    public Dictionary<string, string> Entries { get; set; } = new(StringComparer.Ordinal);
}
