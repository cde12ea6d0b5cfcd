using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Accounts;

/// <summary>An account as administrators list it. <see cref="Sites"/> holds <c>territory/site</c> keys.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.AccountSummary")]
public sealed record AccountSummary(
    [property: Id(0)] string Email,
    [property: Id(1)] string NormalizedEmail,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] AccountRole Role,
    [property: Id(4)] ImmutableArray<string> Territories,
    [property: Id(5)] ImmutableArray<string> Sites,
    [property: Id(6)] bool Disabled,
    [property: Id(7)] bool TwoFactorEnabled);
