namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// One subscription, keyed by its id (32 lower-case hex digits). It holds the encrypted contact, the preferences
/// and the status; a pending one deletes itself after 24 hours (a reminder), an unsubscribed one deletes its state
/// and its entry in the territory's index. Callers from the web prove themselves with a token's tag.
/// </summary>
[Alias("AlloIndustrie.ISubscriptionGrain")]
public interface ISubscriptionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the subscription, or takes new preferences if it exists; only the address's lookup grain calls it.
    /// Returns whether a confirmation must be sent (a pending subscription of a channel with double opt-in).
    /// </summary>
    [Alias("Open")]
    Task<SubscriptionStatus> Open(SignUp signUp, string protectedContact, string lookupKey);

    /// <summary>Sends the confirmation (link or code) of a pending subscription; only the lookup grain calls it, within its limits.</summary>
    [Alias("SendConfirmation")]
    Task<bool> SendConfirmation(string territoryName);

    /// <summary>The subscription, if <paramref name="tag"/> is its tag for <paramref name="purpose"/>.</summary>
    [Alias("Get")]
    Task<SubscriptionView?> Get(TokenPurpose purpose, string tag);

    /// <summary>Activates a pending subscription with its confirmation tag; true if it is active afterwards.</summary>
    [Alias("Confirm")]
    Task<bool> Confirm(string tag);

    /// <summary>
    /// Activates a pending SMS or voice subscription with the 6-digit code it was sent. Its codes have
    /// <see cref="CodeConfirmation.Tries"/> tries together: the last wrong one deletes a pending subscription (and
    /// makes an active one no longer answer codes). The right code again, once active, answers the same.
    /// </summary>
    [Alias("ConfirmCode")]
    Task<CodeConfirmation> ConfirmCode(string code);

    /// <summary>Changes what the subscriber is told; null if the tag is wrong or the preferences invalid for the territory.</summary>
    [Alias("Change")]
    Task<SubscriptionView?> Change(string tag, SubscriptionPreferences preferences);

    /// <summary>Unsubscribes: deletes the contact data and the index entry. True if the tag was right (or it was already gone).</summary>
    [Alias("Unsubscribe")]
    Task<bool> Unsubscribe(string tag);

    /// <summary>Ends the subscription because its channel said the address no longer exists (410, hard bounce).</summary>
    [Alias("End")]
    Task End(string reason);
}
