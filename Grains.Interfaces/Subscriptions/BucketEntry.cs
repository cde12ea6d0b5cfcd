namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// An active subscription as a delivery reads it from its bucket: enough to filter and send without waking the
/// subscription itself. The contact stays encrypted (only the silos hold the key ring).
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.BucketEntry")]
public sealed record BucketEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] SubscriptionChannel Channel,
    [property: Id(2)] SubscriptionPreferences Preferences,
    [property: Id(3)] string ProtectedContact,
    [property: Id(4)] Uri BaseUrl);
