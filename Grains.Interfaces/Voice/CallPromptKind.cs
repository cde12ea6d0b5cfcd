namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>How a prompt is rendered: spoken by the telephony provider, or a recording played.</summary>
[GenerateSerializer, Alias("AlloIndustrie.CallPromptKind")]
public enum CallPromptKind
{
    Say = 0,
    Play = 1,
}
