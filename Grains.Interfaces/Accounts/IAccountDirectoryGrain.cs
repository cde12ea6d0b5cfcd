using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Accounts;

/// <summary>The list of every account (a single grain, key <see cref="Key"/>), fed by the account grains.</summary>
[Alias("AlloIndustrie.IAccountDirectoryGrain")]
public interface IAccountDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>Adds or refreshes an account's entry (called by the account itself).</summary>
    [Alias("Register")]
    Task Register(AccountSummary account);

    /// <summary>Every account, by e-mail.</summary>
    [Alias("List")]
    Task<ImmutableArray<AccountSummary>> List();

    /// <summary>Whether an enabled super administrator exists, so that the first one is created only once.</summary>
    [Alias("HasSuperAdmin")]
    Task<bool> HasSuperAdmin();
}
