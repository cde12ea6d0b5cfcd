using AlloIndustrie.Grains.Interfaces.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.WebFront.Dashboard.Identity;

/// <summary>
/// Identity's user store on the account grains: the e-mail is the user name; the user id is the grain key
/// (<see cref="AccountKeys.Of"/>). Accounts are disabled, never deleted, so that the audit trail keeps naming them.
/// </summary>
public sealed class GrainUserStore(IGrainFactory grains, IOptions<IdentityOptions> identity, TimeProvider clock) :
    IUserPasswordStore<AccountUser>,
    IUserEmailStore<AccountUser>,
    IUserSecurityStampStore<AccountUser>,
    IUserLockoutStore<AccountUser>,
    IUserTwoFactorStore<AccountUser>,
    IUserAuthenticatorKeyStore<AccountUser>
{
    public async Task<IdentityResult> CreateAsync(AccountUser user, CancellationToken cancellationToken)
    {
        if (!await Grain(user.NormalizedEmail).Create(user.ToRecord()))
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateEmail(user.Email));
        }

        user.Read = user.ToRecord();
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(AccountUser user, CancellationToken cancellationToken)
    {
        // Only what this request changed: another request changing other fields meanwhile keeps its change.
        var read = user.Read ?? throw new InvalidOperationException("An account is updated only once read or created.");
        var saved = await Grain(user.NormalizedEmail).Change(AccountChange.Between(read, user.ToRecord()));
        if (saved is null)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
        }

        user.ConcurrencyStamp = saved.ConcurrencyStamp;
        user.Read = saved;
        return IdentityResult.Success;
    }

    public Task<IdentityResult> DeleteAsync(AccountUser user, CancellationToken cancellationToken) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError
        {
            Code = "AccountsAreNotDeleted",
            Description = "Un compte n’est jamais supprimé : désactivez-le.",
        }));

    // A session opened before accounts were keyed by digest names its account by e-mail: the former grain answers.
    public async Task<AccountUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        await grains.GetGrain<IAccountGrain>(userId).Get() is { } record ? AccountUser.From(record) : null;

    public Task<AccountUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        FindByIdAsync(AccountKeys.Of(normalizedUserName), cancellationToken);

    public Task<AccountUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        FindByIdAsync(AccountKeys.Of(normalizedEmail), cancellationToken);

    public Task<string> GetUserIdAsync(AccountUser user, CancellationToken cancellationToken) => Task.FromResult(AccountKeys.Of(user.NormalizedEmail));

    public Task<string?> GetUserNameAsync(AccountUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task SetUserNameAsync(AccountUser user, string? userName, CancellationToken cancellationToken)
    {
        user.Email = userName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(AccountUser user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetNormalizedUserNameAsync(AccountUser user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedEmail = normalizedName ?? "";
        return Task.CompletedTask;
    }

    public Task SetEmailAsync(AccountUser user, string? email, CancellationToken cancellationToken) =>
        SetUserNameAsync(user, email, cancellationToken);

    public Task<string?> GetEmailAsync(AccountUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    // Administrators create accounts for people they know; there is no self-registration to confirm.
    public Task<bool> GetEmailConfirmedAsync(AccountUser user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetEmailConfirmedAsync(AccountUser user, bool confirmed, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string?> GetNormalizedEmailAsync(AccountUser user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetNormalizedEmailAsync(AccountUser user, string? normalizedEmail, CancellationToken cancellationToken) =>
        SetNormalizedUserNameAsync(user, normalizedEmail, cancellationToken);

    public Task SetPasswordHashAsync(AccountUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(AccountUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(AccountUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(AccountUser user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(AccountUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(AccountUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(AccountUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    // Counted by the account grain, not on this request's copy: concurrent wrong passwords would otherwise
    // each count 1 on their own copy, and all but one save would fail on the concurrency stamp.
    public async Task<int> IncrementAccessFailedCountAsync(AccountUser user, CancellationToken cancellationToken)
    {
        var lockout = identity.Value.Lockout;
        var failed = await Grain(user.NormalizedEmail)
            .RecordFailedAccess(lockout.MaxFailedAccessAttempts, clock.GetUtcNow() + lockout.DefaultLockoutTimeSpan);
        if (failed is null)
        {
            return ++user.AccessFailedCount;
        }

        user.AccessFailedCount = failed.Account.AccessFailedCount;
        user.LockoutEnd = failed.Account.LockoutEnd;
        user.ConcurrencyStamp = failed.Account.ConcurrencyStamp;
        return failed.Count;
    }

    public Task ResetAccessFailedCountAsync(AccountUser user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(AccountUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    // Every account can be locked out, administrators included.
    public Task<bool> GetLockoutEnabledAsync(AccountUser user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetLockoutEnabledAsync(AccountUser user, bool enabled, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetTwoFactorEnabledAsync(AccountUser user, bool enabled, CancellationToken cancellationToken)
    {
        user.TwoFactorEnabled = enabled;
        return Task.CompletedTask;
    }

    public Task<bool> GetTwoFactorEnabledAsync(AccountUser user, CancellationToken cancellationToken) => Task.FromResult(user.TwoFactorEnabled);

    public Task SetAuthenticatorKeyAsync(AccountUser user, string key, CancellationToken cancellationToken)
    {
        user.AuthenticatorKey = key;
        return Task.CompletedTask;
    }

    public Task<string?> GetAuthenticatorKeyAsync(AccountUser user, CancellationToken cancellationToken) => Task.FromResult(user.AuthenticatorKey);

    public void Dispose()
    {
    }

    private IAccountGrain Grain(string normalizedEmail) => grains.GetGrain<IAccountGrain>(AccountKeys.Of(normalizedEmail));
}
