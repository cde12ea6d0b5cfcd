using AlloIndustrie.ServiceDefaults.Configuration;

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

    /// <summary>Twilio signs the URL it calls, scheme included: an address without one could never match.</summary>
    public static SettingException? Check(VoiceOptions options) =>
        SettingRules.HttpUrl(Section + ":PublicBaseUrl", options.PublicBaseUrl);
}
