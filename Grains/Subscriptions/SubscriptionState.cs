using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.Grains.Subscriptions;

public sealed class SubscriptionState
{
    public string Territory { get; set; } = "";

    public SubscriptionChannel Channel { get; set; }

    public SubscriptionStatus Status { get; set; }

    /// <summary>The contact, encrypted with Data Protection.</summary>
    public string ProtectedContact { get; set; } = "";

    /// <summary>The key of the address's lookup grain, to forget it at the end.</summary>
    public string LookupKey { get; set; } = "";

    /// <summary>The address with most of it hidden, for the manage page.</summary>
    public string MaskedContact { get; set; } = "";

    public SubscriptionPreferences Preferences { get; set; } = SubscriptionPreferences.Everything;

    public Uri BaseUrl { get; set; } = new("http://localhost/");

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>The index bucket holding this subscription's entry, once active.</summary>
    public int? Bucket { get; set; }

    /// <summary>SMS and voice: the keyed hash of the last confirmation code sent, while it may still be typed.</summary>
    public string? CodeTag { get; set; }

    /// <summary>Wrong codes typed so far, over every code sent.</summary>
    public int CodeTries { get; set; }

    /// <summary>The entry may be missing from (or stale in) its bucket: a reminder puts it there.</summary>
    public bool IndexPending { get; set; }

    /// <summary>A confirmation its channel could not take yet: a reminder sends it again.</summary>
    public UnsentConfirmation? UnsentConfirmation { get; set; }
}
