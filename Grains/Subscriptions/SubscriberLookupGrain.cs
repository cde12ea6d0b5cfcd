using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Subscriptions;

/// <summary>
/// Sign-ups of one address run one at a time here, so that fifty at once make one subscription and one
/// confirmation. Its key is a keyed hash: the row says nothing of the address.
/// </summary>
public sealed class SubscriberLookupGrain(
    [PersistentState("subscriberLookup", StorageNames.Grains)] IPersistentState<SubscriberLookupState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<SubscriptionOptions> options,
    SubscriptionSecrets secrets) : Grain, ISubscriberLookupGrain
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    public async Task<SignUpOutcome> SignUp(SignUp signUp, string protectedContact, string territoryName)
    {
        var now = clock.GetUtcNow();
        var confirms = signUp.Contact.Channel != SubscriptionChannel.WebPush && !signUp.ConsentGiven;
        if (confirms && Wait(now, signUp.Contact.Channel) is { } wait)
        {
            return SignUpOutcome.TooMany(wait);
        }

        if (!state.State.Subscriptions.TryGetValue(signUp.Territory, out var id))
        {
            id = Identifiers.NewRandomId();
            state.State.Subscriptions[signUp.Territory] = id;
            await state.WriteStateAsync();
        }

        var subscription = GrainFactory.GetGrain<ISubscriptionGrain>(id);
        var status = await subscription.Open(signUp, protectedContact, this.GetPrimaryKeyString());
        if (!confirms)
        {
            return SignUpOutcome.Accepted(id, status, await secrets.Token(id, TokenPurpose.Manage));
        }

        // The times are stored before the mail leaves: a crash may cost a confirmation, never lift the limit.
        state.State.ConfirmationsSent.RemoveAll(t => t <= now - Day);
        state.State.ConfirmationsSent.Add(now);
        await state.WriteStateAsync();
        await subscription.SendConfirmation(territoryName);

        // An active subscription is answered like a new one, so that a sign-up does not tell who is subscribed.
        return SignUpOutcome.Accepted(id, SubscriptionStatus.Pending, null);
    }

    public Task<ImmutableArray<string>> Subscriptions() => Task.FromResult<ImmutableArray<string>>([.. state.State.Subscriptions.Values]);

    public async Task Forget(string territory, string subscriptionId)
    {
        if (!state.State.Subscriptions.TryGetValue(territory, out var held) || held != subscriptionId)
        {
            return;
        }

        state.State.Subscriptions.Remove(territory);
        var now = clock.GetUtcNow();
        state.State.ConfirmationsSent.RemoveAll(t => t <= now - Day);
        if (state.State.Subscriptions.Count == 0 && state.State.ConfirmationsSent.Count == 0)
        {
            await state.ClearStateAsync();
        }
        else
        {
            await state.WriteStateAsync();
        }
    }

    private TimeSpan? Wait(DateTimeOffset now, SubscriptionChannel channel)
    {
        var recent = state.State.ConfirmationsSent.Where(t => t > now - Day).Order().ToList();

        // A code is awaited by someone holding the phone: a lost one is asked again within minutes, not an hour.
        var interval = channel is SubscriptionChannel.Sms or SubscriptionChannel.Voice ? options.Value.CodeInterval : options.Value.ConfirmationInterval;
        if (recent.Count > 0 && recent[^1] + interval > now)
        {
            return recent[^1] + interval - now;
        }

        return recent.Count >= options.Value.ConfirmationsPerDay ? recent[^options.Value.ConfirmationsPerDay] + Day - now : null;
    }
}
