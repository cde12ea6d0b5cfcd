using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Telephony;

namespace AlloIndustrie.Grains.Telephony;

/// <summary>Waits for a territory's next SMS or call slot before a request to Twilio (see <see cref="ITelephoneRatesGrain"/>).</summary>
public sealed class TelephonePace(IGrainFactory grains, TimeProvider clock)
{
    public async Task Wait(string territory, SubscriptionChannel channel, CancellationToken cancellationToken)
    {
        var wait = await grains.GetGrain<ITelephoneRatesGrain>(territory).Reserve(channel);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
    }
}
