namespace AlloIndustrie.Grains.Interfaces.Audit;

/// <summary>
/// The audit trail is split by scope (a territory's slug, or <see cref="Platform"/> for accounts and
/// sign-ins) and by month, so that no grain state grows without bound and a month is one read.
/// </summary>
public static class AuditKey
{
    /// <summary>Sign-ins and accounts that belong to no single territory.</summary>
    public const string Platform = "_plateforme";

    public static string Of(string scope, DateTimeOffset at) => $"{scope}/{at.UtcDateTime:yyyy-MM}";
}
