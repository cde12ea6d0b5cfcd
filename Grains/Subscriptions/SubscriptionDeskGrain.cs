using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Subscriptions.Channels;
using Orleans.Concurrency;

namespace AlloIndustrie.Grains.Subscriptions;

[StatelessWorker]
public sealed class SubscriptionDeskGrain(SubscriptionSecrets secrets, IEnumerable<IConfirmationSender> confirmationSenders) : Grain, ISubscriptionDeskGrain
{
    public async Task<SignUpOutcome> SignUp(SignUp signUp)
    {
        if (!Identifiers.IsTerritory(signUp.Territory))
        {
            return SignUpOutcome.NoTerritory;
        }

        var territory = GrainFactory.GetGrain<ITerritoryGrain>(signUp.Territory);
        if (await territory.GetProfile() is not { } profile)
        {
            return SignUpOutcome.NoTerritory;
        }

        var sites = await territory.GetSites();
        var errors = new Dictionary<string, string>();
        var preferences = SubscriptionRules.Normalised(signUp.Preferences);
        SubscriptionRules.CheckChoices(
            preferences,
            sites.SelectMany(s => s.Communes).ToHashSet(StringComparer.Ordinal),
            sites.Select(s => s.Slug).ToHashSet(StringComparer.Ordinal),
            errors);
        if (signUp.Contact.Channel == SubscriptionChannel.Email && SubscriptionRules.EmailProblem(signUp.Contact.Address) is { } problem)
        {
            errors["email"] = problem;
        }

        if (signUp.Contact.Channel is SubscriptionChannel.Sms or SubscriptionChannel.Voice)
        {
            if (!SubscriberPhone.TryParse(signUp.Contact.Address, signUp.Contact.Channel, out var e164, out var phoneProblem))
            {
                errors["phone"] = phoneProblem;
            }
            else if (e164 != signUp.Contact.Address)
            {
                errors["phone"] = "Le numéro doit arriver au format E.164 (+33612345678).";
            }
            else if (!signUp.ConsentGiven && !confirmationSenders.Any(s => s.Channel == signUp.Contact.Channel))
            {
                errors["channel"] = SubscriptionRules.NotOffered(signUp.Contact.Channel);
            }
        }

        if (errors.Count > 0)
        {
            return SignUpOutcome.Invalid(errors.ToImmutableDictionary());
        }

        var contact = signUp.Contact.Channel == SubscriptionChannel.Email ? signUp.Contact with { Address = signUp.Contact.Address.Trim() } : signUp.Contact;
        var lookupKey = await secrets.LookupKey(contact);
        return await GrainFactory.GetGrain<ISubscriberLookupGrain>(lookupKey).SignUp(
            signUp with { Contact = contact, Preferences = preferences }, secrets.Protect(contact), profile.Name);
    }

    public async Task<int> Stop(SubscriberContact contact, string reason)
    {
        var subscriptions = await GrainFactory.GetGrain<ISubscriberLookupGrain>(await secrets.LookupKey(contact)).Subscriptions();
        foreach (var id in subscriptions)
        {
            await GrainFactory.GetGrain<ISubscriptionGrain>(id).End(reason);
        }

        return subscriptions.Length;
    }
}
