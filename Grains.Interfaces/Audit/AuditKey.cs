namespace AlloIndustrie.Grains.Interfaces.Audit;

/// <summary>
/// The audit trail is split by scope (a territory's slug, or <see cref="Platform"/> for accounts and
/// sign-ins), by month, and within a month by pages, so that no grain state grows without bound.
/// </summary>
public static class AuditKey
{
    /// <summary>Sign-ins and accounts that belong to no single territory.</summary>
    public const string Platform = "_plateforme";

    public static string Of(string scope, DateTimeOffset at) => $"{scope}/{at.UtcDateTime:yyyy-MM}";

    public static string Page(string month, int number) => $"{month}/{number}";
}
