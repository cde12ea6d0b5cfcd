using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Accounts;

/// <summary>
/// What one write changes in an account (<see cref="IAccountGrain.Change"/>): a null field is left as it is stored,
/// so that an administrator disabling an account while its owner renames it keeps both changes, and a caller that
/// does not know a newer field cannot erase it. The e-mail (the account's key) and creation date never change.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.AccountChange")]
public sealed record AccountChange
{
    [Id(0)] public string? DisplayName { get; init; }
    [Id(1)] public NewValue<string?>? PasswordHash { get; init; }
    [Id(2)] public string? SecurityStamp { get; init; }
    [Id(3)] public NewValue<DateTimeOffset?>? LockoutEnd { get; init; }
    [Id(4)] public int? AccessFailedCount { get; init; }
    [Id(5)] public NewValue<string?>? AuthenticatorKey { get; init; }
    [Id(6)] public bool? TwoFactorEnabled { get; init; }
    [Id(7)] public AccountRole? Role { get; init; }
    [Id(8)] public ImmutableArray<string>? Territories { get; init; }
    [Id(9)] public ImmutableArray<string>? Sites { get; init; }
    [Id(10)] public bool? Disabled { get; init; }

    /// <summary>The fields of <paramref name="wanted"/> that differ from <paramref name="read"/>, the account as the caller read it.</summary>
    public static AccountChange Between(AccountRecord read, AccountRecord wanted) => new()
    {
        DisplayName = read.DisplayName == wanted.DisplayName ? null : wanted.DisplayName,
        PasswordHash = read.PasswordHash == wanted.PasswordHash ? null : new(wanted.PasswordHash),
        SecurityStamp = read.SecurityStamp == wanted.SecurityStamp ? null : wanted.SecurityStamp,
        LockoutEnd = read.LockoutEnd == wanted.LockoutEnd ? null : new(wanted.LockoutEnd),
        AccessFailedCount = read.AccessFailedCount == wanted.AccessFailedCount ? null : wanted.AccessFailedCount,
        AuthenticatorKey = read.AuthenticatorKey == wanted.AuthenticatorKey ? null : new(wanted.AuthenticatorKey),
        TwoFactorEnabled = read.TwoFactorEnabled == wanted.TwoFactorEnabled ? null : wanted.TwoFactorEnabled,
        Role = read.Role == wanted.Role ? null : wanted.Role,
        Territories = Same(read.Territories, wanted.Territories) ? null : wanted.Territories,
        Sites = Same(read.Sites, wanted.Sites) ? null : wanted.Sites,
        Disabled = read.Disabled == wanted.Disabled ? null : wanted.Disabled,
    };

    /// <summary><paramref name="stored"/> with this change made.</summary>
    public AccountRecord ApplyTo(AccountRecord stored) => stored with
    {
        DisplayName = DisplayName ?? stored.DisplayName,
        PasswordHash = PasswordHash is { } hash ? hash.Value : stored.PasswordHash,
        SecurityStamp = SecurityStamp ?? stored.SecurityStamp,
        LockoutEnd = LockoutEnd is { } end ? end.Value : stored.LockoutEnd,
        AccessFailedCount = AccessFailedCount ?? stored.AccessFailedCount,
        AuthenticatorKey = AuthenticatorKey is { } key ? key.Value : stored.AuthenticatorKey,
        TwoFactorEnabled = TwoFactorEnabled ?? stored.TwoFactorEnabled,
        Role = Role ?? stored.Role,
        Territories = Territories ?? stored.Territories,
        Sites = Sites ?? stored.Sites,
        Disabled = Disabled ?? stored.Disabled,
    };

    private static bool Same(ImmutableArray<string> read, ImmutableArray<string> wanted) =>
        (read.IsDefault ? [] : read).SequenceEqual(wanted.IsDefault ? [] : wanted);
}
