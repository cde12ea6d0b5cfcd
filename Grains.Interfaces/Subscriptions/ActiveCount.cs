namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// Active subscriptions of one channel that name one commune (<see cref="Commune"/> null: the whole territory, or
/// sites only). A subscription naming two communes counts in both.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.ActiveCount")]
public sealed record ActiveCount(
    [property: Id(0)] SubscriptionChannel Channel,
    [property: Id(1)] string? Commune,
    [property: Id(2)] int Count);
