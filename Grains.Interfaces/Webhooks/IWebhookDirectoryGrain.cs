using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Subscriptions;

namespace AlloIndustrie.Grains.Interfaces.Webhooks;

/// <summary>The webhooks of one territory (key: the territory's slug), at most <see cref="WebhookRules.MaxPerTerritory"/>.</summary>
[Alias("AlloIndustrie.IWebhookDirectoryGrain")]
public interface IWebhookDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Checks the address (https, a public address) and creates the webhook; its secret is in the answer only.</summary>
    [Alias("Create")]
    Task<WebhookCreation> Create(string url, string description, string createdBy);

    /// <summary>The territory's webhooks, oldest first.</summary>
    [Alias("List")]
    Task<ImmutableArray<WebhookView>> List();

    /// <summary>Deletes one; false if the territory has no such webhook.</summary>
    [Alias("Delete")]
    Task<bool> Delete(string id);

    /// <summary>Hands a notice version to every enabled webhook of the territory (idempotent per version).</summary>
    [Alias("Dispatch")]
    Task Dispatch(NoticeSnapshot notice, NoticeMessageKind kind);
}
