using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.Grains.Subscriptions.Channels;

/// <summary>
/// The double opt-in message of a channel that needs one: e-mail gets <see cref="ConfirmUrl"/> (a page with one
/// button, never a link that confirms by itself), SMS and voice get <see cref="Code"/>. A second sign-up of an
/// address that is already subscribed gets neither, only <see cref="ManageUrl"/>: "you are already subscribed".
/// <see cref="BaseUrl"/> is where the public links start (an SMS's status callback).
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.SubscriptionConfirmation")]
public sealed record SubscriptionConfirmation(
    [property: Id(0)] string SubscriptionId,
    [property: Id(1)] string Territory,
    [property: Id(2)] string TerritoryName,
    [property: Id(3)] SubscriberLanguage Language,
    [property: Id(4)] Uri? ConfirmUrl,
    [property: Id(5)] string? Code,
    [property: Id(6)] Uri? ManageUrl = null,
    [property: Id(7)] Uri? BaseUrl = null);
