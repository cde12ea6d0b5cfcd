namespace AlloIndustrie.WebFront.Voice;

/// <summary>The web front's phone settings, from the <c>Allo</c> configuration section.</summary>
public sealed class VoiceOptions
{
    public const string Section = "Allo";

    /// <summary>
    /// The address the public (and Twilio) reaches this service at, e.g. <c>https://allo.example.fr</c>:
    /// behind a proxy the request's own URL differs from the one Twilio signs. Unset, the request's is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public TwilioOptions Twilio { get; set; } = new();
}
