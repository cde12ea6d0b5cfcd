namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>What a subscription's link token may do: each purpose has a tag of its own.</summary>
[GenerateSerializer, Alias("AlloIndustrie.TokenPurpose")]
public enum TokenPurpose
{
    /// <summary>Activates a pending e-mail subscription (after the page's one button).</summary>
    Confirm = 0,

    /// <summary>Reads and changes the subscription, and unsubscribes.</summary>
    Manage = 1,
}
