namespace AlloIndustrie.WebFront.Residents.Subscriptions;

/// <summary>
/// Whether the deployment offers SMS: a Twilio account (<c>Allo:Twilio:AccountSid</c>) is configured, as it is for
/// the silo that sends them (which also needs a sender, and refuses the sign-up without one).
/// </summary>
public sealed class TelephoneChannels(IConfiguration configuration)
{
    public bool Sms { get; } = !string.IsNullOrWhiteSpace(configuration["Allo:Twilio:AccountSid"]);
}
