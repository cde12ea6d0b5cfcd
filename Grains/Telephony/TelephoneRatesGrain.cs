using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Telephony;

namespace AlloIndustrie.Grains.Telephony;

/// <summary>
/// A territory's SMS and call rates, and the next free slot of each in memory: a grain that moves to another silo
/// starts its queue afresh, which at worst lets one slot go early. Slots are counted on the real clock, since
/// Twilio counts on it, whatever clock the reminders run on.
/// </summary>
public sealed class TelephoneRatesGrain(
    [PersistentState("telephoneRates", StorageNames.Grains)] IPersistentState<TelephoneRatesState> state,
    TimeProvider clock) : Grain, ITelephoneRatesGrain
{
    private DateTimeOffset nextSms = DateTimeOffset.MinValue;
    private DateTimeOffset nextCall = DateTimeOffset.MinValue;

    private TelephoneRates Rates => state.State.Rates ?? TelephoneRates.Twilio;

    public Task<TelephoneRates> Get() => Task.FromResult(Rates);

    public async Task<ImmutableDictionary<string, string>> Set(TelephoneRates rates)
    {
        var problems = rates.Problems();
        if (!problems.IsEmpty)
        {
            return problems;
        }

        state.State.Rates = rates;
        await state.WriteStateAsync();
        return problems;
    }

    public Task<TimeSpan> Reserve(SubscriptionChannel channel)
    {
        var now = clock.GetUtcNow();
        var sms = channel == SubscriptionChannel.Sms;
        var slot = sms ? nextSms : nextCall;
        var at = slot > now ? slot : now;
        var next = at + TimeSpan.FromSeconds(1.0 / (sms ? Rates.SmsPerSecond : Rates.CallsPerSecond));
        if (sms)
        {
            nextSms = next;
        }
        else
        {
            nextCall = next;
        }

        return Task.FromResult(at - now);
    }
}
