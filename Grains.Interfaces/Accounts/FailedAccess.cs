namespace AlloIndustrie.Grains.Interfaces.Accounts;

/// <summary>What <see cref="IAccountGrain.RecordFailedAccess"/> counted: the failures so far, and the account as saved.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.FailedAccess")]
public sealed record FailedAccess(
    [property: Id(0)] int Count,
    [property: Id(1)] AccountRecord Account);
