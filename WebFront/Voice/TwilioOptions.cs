namespace AlloIndustrie.WebFront.Voice;

/// <summary>The Twilio account's settings (<c>Allo:Twilio</c>).</summary>
public sealed class TwilioOptions
{
    /// <summary>The auth token that signs the webhooks; when unset, the one stored in the phone settings grain.</summary>
    public string? AuthToken { get; set; }
}
