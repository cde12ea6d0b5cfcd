namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>One thing the caller hears: French text to speak, or the site-relative URL of a recording.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.CallPrompt")]
public sealed record CallPrompt(
    [property: Id(0)] CallPromptKind Kind,
    [property: Id(1)] string Value)
{
    public static CallPrompt Say(string text) => new(CallPromptKind.Say, text);

    public static CallPrompt Play(string url) => new(CallPromptKind.Play, url);
}
