using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Territories;
using Orleans.Concurrency;

namespace AlloIndustrie.Grains.Subscriptions;

[StatelessWorker]
public sealed class SubscriptionDeskGrain(SubscriptionSecrets secrets) : Grain, ISubscriptionDeskGrain
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

        if (errors.Count > 0)
        {
            return SignUpOutcome.Invalid(errors.ToImmutableDictionary());
        }

        var contact = signUp.Contact.Channel == SubscriptionChannel.Email ? signUp.Contact with { Address = signUp.Contact.Address.Trim() } : signUp.Contact;
        var lookupKey = await secrets.LookupKey(contact);
        return await GrainFactory.GetGrain<ISubscriberLookupGrain>(lookupKey).SignUp(
            signUp with { Contact = contact, Preferences = preferences }, secrets.Protect(contact), profile.Name);
    }
}
