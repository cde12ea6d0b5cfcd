using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.Grains.Subscriptions.Channels;

/// <summary>
/// One notice version for one subscriber, everything a channel needs to write it: the notice as it stood when
/// the version was delivered, why it is sent, and the subscriber's links.
/// </summary>
/// <param name="SubscriptionId">The subscription, for stable message ids (e-mail <c>Message-ID</c>, webhook ids).</param>
/// <param name="Notice">The notice at <see cref="Version"/>.</param>
/// <param name="Version">The notice version this message is for; at most one message per version and subscriber.</param>
/// <param name="Kind">Published, started, updated, ended or withdrawn.</param>
/// <param name="Exercise">A drill: the message says "EXERCICE" (or "EXERCISE") first.</param>
/// <param name="Language">The subscriber's language.</param>
/// <param name="NoticeUrl">The notice's public page, in the subscriber's language.</param>
/// <param name="ManageUrl">The subscriber's manage page (<c>/abonnement/gerer/{token}</c>).</param>
/// <param name="UnsubscribeUrl">The one-click unsubscription (<c>/abonnement/desabonner/{token}</c>, RFC 8058).</param>
/// <param name="Communes">The communes the notice's site can be perceived from.</param>
/// <param name="TerritoryName">The territory's name, as messages say where they come from.</param>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.SubscriberMessage")]
public sealed record SubscriberMessage(
    [property: Id(0)] string SubscriptionId,
    [property: Id(1)] NoticeSnapshot Notice,
    [property: Id(2)] int Version,
    [property: Id(3)] NoticeMessageKind Kind,
    [property: Id(4)] bool Exercise,
    [property: Id(5)] SubscriberLanguage Language,
    [property: Id(6)] Uri NoticeUrl,
    [property: Id(7)] Uri ManageUrl,
    [property: Id(8)] Uri UnsubscribeUrl,
    [property: Id(9)] ImmutableArray<string> Communes,
    [property: Id(10)] string TerritoryName = "");
