using System.Collections.Immutable;
using System.Security.Cryptography;
using AlloIndustrie.Grains.Interfaces.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AlloIndustrie.Silo.Accounts;

/// <summary>
/// Creates accounts from the silo (the first administrator, the demo's accounts) exactly as the web front's
/// Identity would: same normalisation, same password hash format, a fresh security stamp.
/// </summary>
public sealed class AccountProvisioning(IGrainFactory grains, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock)
{
    public const int MinimumPasswordLength = 12;

    private readonly PasswordHasher<AccountRecord> hasher = new();

    /// <summary>False if an account already has this e-mail.</summary>
    public async Task<bool> Create(
        string email, string displayName, string password, AccountRole role, ImmutableArray<string> territories, ImmutableArray<string> sites)
    {
        var normalized = AccountKeys.Normalize(email);
        var account = new AccountRecord(
            email.Trim(), normalized, displayName, null, NewStamp(), NewStamp(), null, 0, null, false,
            role, territories, sites, false, clock.GetUtcNow());
        account = account with { PasswordHash = hasher.HashPassword(account, password) };
        return await grains.GetGrain<IAccountGrain>(AccountKeys.Of(normalized)).Create(account);
    }

    /// <summary>A password nobody chose: 96 random bits, readable and easy to copy.</summary>
    public static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
}
