using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Accounts;

namespace AlloIndustrie.WebFront.Dashboard.Identity;

/// <summary>
/// Identity's view of an account: mutable, as <c>UserManager</c> expects, and converted to and from the
/// account grain's <see cref="AccountRecord"/> at each read and write.
/// </summary>
public sealed class AccountUser
{
    public string Email { get; set; } = "";
    public string NormalizedEmail { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = "";
    public string ConcurrencyStamp { get; set; } = "";
    public DateTimeOffset? LockoutEnd { get; set; }
    public int AccessFailedCount { get; set; }
    public string? AuthenticatorKey { get; set; }
    public bool TwoFactorEnabled { get; set; }
    public AccountRole Role { get; set; }
    public ImmutableArray<string> Territories { get; set; } = [];
    public ImmutableArray<string> Sites { get; set; } = [];
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The account as last read, created or saved, so that a write sends only what changed since.</summary>
    public AccountRecord? Read { get; set; }

    public static AccountUser From(AccountRecord record) => new()
    {
        Read = record,
        Email = record.Email,
        NormalizedEmail = record.NormalizedEmail,
        DisplayName = record.DisplayName,
        PasswordHash = record.PasswordHash,
        SecurityStamp = record.SecurityStamp,
        ConcurrencyStamp = record.ConcurrencyStamp,
        LockoutEnd = record.LockoutEnd,
        AccessFailedCount = record.AccessFailedCount,
        AuthenticatorKey = record.AuthenticatorKey,
        TwoFactorEnabled = record.TwoFactorEnabled,
        Role = record.Role,
        Territories = record.Territories.IsDefault ? [] : record.Territories,
        Sites = record.Sites.IsDefault ? [] : record.Sites,
        Disabled = record.Disabled,
        CreatedAt = record.CreatedAt,
    };

    public AccountRecord ToRecord() => new(
        Email, NormalizedEmail, DisplayName, PasswordHash, SecurityStamp, ConcurrencyStamp, LockoutEnd, AccessFailedCount,
        AuthenticatorKey, TwoFactorEnabled, Role, Territories, Sites, Disabled, CreatedAt);
}
