namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// A subscription as its owner sees it on the manage page, with its address masked (<c>j•••@exemple.fr</c>):
/// nobody, not even the owner's link, reads a contact back in full.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.SubscriptionView")]
public sealed record SubscriptionView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Territory,
    [property: Id(2)] SubscriptionChannel Channel,
    [property: Id(3)] SubscriptionStatus Status,
    [property: Id(4)] SubscriptionPreferences Preferences,
    [property: Id(5)] string MaskedContact,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset? ConfirmedAt);
