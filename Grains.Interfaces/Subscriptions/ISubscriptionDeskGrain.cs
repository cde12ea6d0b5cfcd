namespace AlloIndustrie.Grains.Interfaces.Subscriptions;

/// <summary>
/// Where sign-ups arrive, one stateless worker per silo (key: <c>0</c>). It checks a sign-up against its
/// territory, computes the contact's keyed hash and encrypts the contact, then leaves the rest to the address's
/// <see cref="ISubscriberLookupGrain"/>, which serialises sign-ups of one address.
/// </summary>
[Alias("AlloIndustrie.ISubscriptionDeskGrain")]
public interface ISubscriptionDeskGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Signs up; a second sign-up of the same address in the same territory finds the first subscription,
    /// takes the new preferences and, if it is still pending, sends the confirmation again within the limits.
    /// </summary>
    [Alias("SignUp")]
    Task<SignUpOutcome> SignUp(SignUp signUp);

    /// <summary>
    /// Ends every subscription of one contact, in every territory (a number that replied STOP): deletes them and
    /// their contact data. Returns how many there were.
    /// </summary>
    [Alias("Stop")]
    Task<int> Stop(SubscriberContact contact, string reason);
}
