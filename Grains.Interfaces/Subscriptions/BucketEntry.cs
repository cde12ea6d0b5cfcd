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
    [property: Id(4)] Uri BaseUrl,
    [property: Id(5)] DateTimeOffset? ActiveSince = null)
{
    /// <summary>
    /// Whether the subscription was already active when <paramref name="version"/> of a notice was made: one
    /// confirmed later is not sent it, whatever moment the fan-out reaches its bucket, and gets the next one.
    /// </summary>
    public bool ActiveAt(DateTimeOffset version) => ActiveSince is not { } since || since <= version;
}
