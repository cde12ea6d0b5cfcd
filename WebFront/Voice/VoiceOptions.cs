namespace AlloIndustrie.WebFront.Voice;

/// <summary>The web front's phone settings, from the <c>Allo</c> configuration section.</summary>
public sealed class VoiceOptions
{
    public const string Section = "Allo";

    public TwilioOptions Twilio { get; set; } = new();
}
