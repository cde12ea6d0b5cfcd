namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// A resident's request to be told, as the web front received it, its fields already of the right shape (the
/// desk still checks communes and sites against the territory, and the contact).
/// </summary>
/// <param name="Territory">The territory, canonical slug.</param>
/// <param name="Contact">Where to send.</param>
/// <param name="Preferences">What to send.</param>
/// <param name="BaseUrl">The public address the request reached, for the links of its messages when the silo has no <c>Allo:PublicBaseUrl</c>.</param>
/// <param name="ConsentGiven">
/// The sign-up is its own consent, as a browser's permission is for Web Push: a call from the number itself (the
/// phone line's key 5). No confirmation is sent and the subscription is active at once. Never set from the web.
/// </param>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.SignUp")]
public sealed record SignUp(
    [property: Id(0)] string Territory,
    [property: Id(1)] SubscriberContact Contact,
    [property: Id(2)] SubscriptionPreferences Preferences,
    [property: Id(3)] Uri BaseUrl,
    [property: Id(4)] bool ConsentGiven = false);
