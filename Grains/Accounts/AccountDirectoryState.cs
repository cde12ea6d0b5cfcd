using AlloIndustrie.Grains.Interfaces.Accounts;

namespace AlloIndustrie.Grains.Accounts;

/// <summary>The account directory's durable state: every account by normalised e-mail.</summary>
public sealed class AccountDirectoryState
{
    public Dictionary<string, AccountSummary> Accounts { get; set; } = [];

    /// <summary>Whether every account has been moved to its <see cref="AccountKeys.Of"/> key (false in state stored before).</summary>
    public bool KeyedByDigest { get; set; }
}
