namespace AlloIndustrie.Grains.Interfaces.Voice;

/// <summary>
/// The phone line's deployment-wide settings (a single grain, key <see cref="Key"/>). It lets every web
/// node learn the Twilio auth token that the demo seeder generated, without sharing files between
/// machines; a token set in the web node's configuration takes precedence.
/// </summary>
[Alias("AlloIndustrie.IPhoneSettingsGrain")]
public interface IPhoneSettingsGrain : IGrainWithStringKey
{
    public const string Key = "default";

    /// <summary>The Twilio auth token that signs webhooks, or null if none was set.</summary>
    [Alias("GetAuthToken")]
    Task<string?> GetAuthToken();

    /// <summary>Records the Twilio auth token.</summary>
    [Alias("SetAuthToken")]
    Task SetAuthToken(string authToken);
}
