using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Accounts;

/// <summary>
/// A dashboard account as ASP.NET Core Identity needs it, with its role and perimeter. Only hashes and
/// keys produced by Identity are kept: never a password in clear.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.AccountRecord")]
public sealed record AccountRecord(
    [property: Id(0)] string Email,
    [property: Id(1)] string NormalizedEmail,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string? PasswordHash,
    [property: Id(4)] string SecurityStamp,
    [property: Id(5)] string ConcurrencyStamp,
    [property: Id(6)] DateTimeOffset? LockoutEnd,
    [property: Id(7)] int AccessFailedCount,
    [property: Id(8)] string? AuthenticatorKey,
    [property: Id(9)] bool TwoFactorEnabled,
    [property: Id(10)] AccountRole Role,
    [property: Id(11)] ImmutableArray<string> Territories,
    [property: Id(12)] ImmutableArray<string> Sites,
    [property: Id(13)] bool Disabled,
    [property: Id(14)] DateTimeOffset CreatedAt)
{
    /// <summary>The listing entry of this account, without any secret.</summary>
    public AccountSummary Summary() =>
        new(Email, NormalizedEmail, DisplayName, Role, Territories, Sites, Disabled, TwoFactorEnabled);
}
