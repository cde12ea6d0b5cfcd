using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.Grains.Interfaces.Telephony;

/// <summary>
/// A territory's pace for SMS and calls (keyed by the territory's slug): the rates its administrators set, kept in
/// storage, and the cluster's one queue of Twilio requests for the territory, so that two silos do not each send
/// at the full rate.
/// </summary>
[Alias("AlloIndustrie.ITelephoneRatesGrain")]
public interface ITelephoneRatesGrain : IGrainWithStringKey
{
    /// <summary>The territory's rates, Twilio's defaults until they are set.</summary>
    [Alias("Get")]
    Task<TelephoneRates> Get();

    /// <summary>Sets the rates; the French problems if they are not valid (nothing is changed then).</summary>
    [Alias("Set")]
    Task<ImmutableDictionary<string, string>> Set(TelephoneRates rates);

    /// <summary>
    /// Takes the next slot of the channel (<see cref="SubscriptionChannel.Sms"/> or <see cref="SubscriptionChannel.Voice"/>):
    /// how long the caller waits before its request to Twilio.
    /// </summary>
    [Alias("Reserve")]
    Task<TimeSpan> Reserve(SubscriptionChannel channel);
}
