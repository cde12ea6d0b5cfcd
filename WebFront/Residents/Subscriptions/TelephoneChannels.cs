using AlloIndustrie.ServiceDefaults.Configuration;

namespace AlloIndustrie.WebFront.Residents.Subscriptions;

/// <summary>
/// Whether the deployment offers SMS (<c>Allo:Twilio</c>): a Twilio account (<c>Allo:Twilio:AccountSid</c>) is
/// configured, as it is for the silo that sends them (which also needs a sender, and refuses the sign-up without one).
/// </summary>
public sealed record TelephoneChannels
{
    public const string Section = "Allo:Twilio";

    /// <summary>The Twilio account, <c>AC</c> and 32 hexadecimal digits, as Twilio's console shows it.</summary>
    public string? AccountSid { get; init; }

    public bool Sms => !string.IsNullOrWhiteSpace(AccountSid);

    public static SettingException? Check(TelephoneChannels settings) =>
        settings.AccountSid is not { } sid || string.IsNullOrWhiteSpace(sid) || IsAccountSid(sid.Trim())
            ? null
            : SettingException.Invalid($"{Section}:AccountSid", sid,
                "l’identifiant du compte Twilio, AC suivi de 32 chiffres hexadécimaux (console Twilio)",
                "the Twilio account's SID, AC followed by 32 hexadecimal digits (Twilio console)");

    private static bool IsAccountSid(string sid) => sid.Length == 34 && sid.StartsWith("AC", StringComparison.Ordinal) && sid[2..].All(char.IsAsciiHexDigit);
}
