namespace AlloIndustrie.Grains.Interfaces.Accounts;

/// <summary>One dashboard account, keyed by <see cref="AccountKeys.Of"/> of its normalised e-mail.</summary>
[Alias("AlloIndustrie.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>The account, or null if none has this e-mail.</summary>
    [Alias("Get")]
    Task<AccountRecord?> Get();

    /// <summary>Creates the account and lists it in the directory; false if the e-mail is taken.</summary>
    [Alias("Create")]
    Task<bool> Create(AccountRecord account);

    /// <summary>
    /// Replaces the account if nobody changed it since <paramref name="account"/> was read (same concurrency
    /// stamp); returns the saved account with a new stamp, or null on a conflict or an unknown account.
    /// </summary>
    [Alias("Update")]
    Task<AccountRecord?> Update(AccountRecord account);

    /// <summary>
    /// Changes only the fields <paramref name="change"/> holds, whoever wrote the account meanwhile; returns the
    /// saved account with a new stamp, or null for an unknown account. What web fronts call since this method
    /// exists; the previous release's call <see cref="Update"/> with the whole account they read.
    /// </summary>
    [Alias("Change")]
    Task<AccountRecord?> Change(AccountChange change);

    /// <summary>
    /// Counts one failed password or code on the stored account itself, so that concurrent failures are all
    /// counted: the <paramref name="maxAttempts"/>-th locks the account until <paramref name="lockoutEnd"/> and
    /// starts the count again. Returns the failures counted with this one (before that restart) and the saved
    /// account, or null for an unknown account.
    /// </summary>
    [Alias("RecordFailedAccess")]
    Task<FailedAccess?> RecordFailedAccess(int maxAttempts, DateTimeOffset lockoutEnd);

    /// <summary>
    /// Takes over, unchanged, an account stored under its former key (the e-mail itself), unless this grain already
    /// holds one; called only by that former grain, which then forwards every call here.
    /// </summary>
    [Alias("Adopt")]
    Task Adopt(AccountRecord account);
}
