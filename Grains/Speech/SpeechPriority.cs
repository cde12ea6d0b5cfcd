namespace AlloIndustrie.Grains.Speech;

/// <summary>Which waits when the synthesiser is busy: a draft's preview never delays a published notice's audio.</summary>
public enum SpeechPriority
{
    Notice,
    Preview,
}
