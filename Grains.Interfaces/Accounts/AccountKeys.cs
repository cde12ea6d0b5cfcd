namespace AlloIndustrie.Grains.Interfaces.Accounts;

/// <summary>
/// Accounts are keyed by their normalised e-mail. The silo (which creates the first administrator) and the
/// web front (Identity's lookup normaliser) must normalise alike, hence one shared rule.
/// </summary>
public static class AccountKeys
{
    public static string Normalize(string email) => email.Trim().Normalize().ToUpperInvariant();
}
