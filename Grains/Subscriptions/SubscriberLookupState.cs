namespace AlloIndustrie.Grains.Subscriptions;

public sealed class SubscriberLookupState
{
    /// <summary>The address's subscription in each territory.</summary>
    public Dictionary<string, string> Subscriptions { get; set; } = [];

    /// <summary>When confirmations were sent to the address, the last 24 hours only.</summary>
    public List<DateTimeOffset> ConfirmationsSent { get; set; } = [];
}
