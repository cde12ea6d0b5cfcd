namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// One contact address, keyed by <c>{channel}:{keyed hash}</c> (HMAC-SHA-256 of its lookup form, lower-case hex),
/// so that no key reveals an address. It holds the address's subscription per territory and the times its
/// confirmations were sent (one an hour, three a day), nothing else. Only the desk and the subscriptions call it.
/// </summary>
[Alias("AlloIndustrie.ISubscriberLookupGrain")]
public interface ISubscriberLookupGrain : IGrainWithStringKey
{
    /// <summary>Finds or creates the address's subscription in the sign-up's territory.</summary>
    [Alias("SignUp")]
    Task<SignUpOutcome> SignUp(SignUp signUp, string protectedContact, string territoryName);

    /// <summary>Forgets the address's subscription in a territory (unsubscribed, ended or expired pending).</summary>
    [Alias("Forget")]
    Task Forget(string territory, string subscriptionId);

    /// <summary>The address's subscriptions, one per territory at most.</summary>
    [Alias("Subscriptions")]
    Task<System.Collections.Immutable.ImmutableArray<string>> Subscriptions();
}
