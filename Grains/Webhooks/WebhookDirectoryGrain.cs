using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace AlloIndustrie.Grains.Webhooks;

public sealed class WebhookDirectoryGrain(
    [PersistentState("webhookDirectory", StorageNames.Grains)] IPersistentState<WebhookDirectoryState> state,
    WebhookClient client,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock)
    : Grain, IWebhookDirectoryGrain
{
    private string Territory => this.GetPrimaryKeyString();

    public async Task<WebhookCreation> Create(string url, string description, string createdBy)
    {
        if (!Identifiers.IsTerritory(Territory))
        {
            throw new InvalidOperationException($"Not a canonical territory: {Territory}");
        }

        url = url.Trim();
        description = description.Trim();
        if (WebhookRules.UrlProblem(url, client.AllowPrivate) is { } problem)
        {
            return WebhookCreation.Invalid("url", problem);
        }

        if (await ResolvesPrivately(new Uri(url)) is { } resolution)
        {
            return WebhookCreation.Invalid("url", resolution);
        }

        if (description.Length > WebhookRules.MaxDescriptionLength)
        {
            return WebhookCreation.Invalid("description", $"La description ne doit pas dépasser {WebhookRules.MaxDescriptionLength} caractères.");
        }

        if (description.Length > 0 && TextRules.Problem(description, "La description") is { } text)
        {
            return WebhookCreation.Invalid("description", text);
        }

        if (state.State.Ids.Count >= WebhookRules.MaxPerTerritory)
        {
            return WebhookCreation.Invalid("url", $"Un territoire a au plus {WebhookRules.MaxPerTerritory} webhooks : supprimez-en un d’abord.");
        }

        var id = Identifiers.NewRandomId();
        var secret = await GrainFactory.GetGrain<IWebhookGrain>(WebhookKey.Of(Territory, id)).Create(Territory, url, description, createdBy);
        state.State.Ids.Add(id);
        await state.WriteStateAsync();
        return new WebhookCreation(id, secret, ImmutableDictionary<string, string>.Empty);
    }

    public async Task<ImmutableArray<WebhookView>> List()
    {
        var views = await Task.WhenAll(state.State.Ids.Select(id => GrainFactory.GetGrain<IWebhookGrain>(WebhookKey.Of(Territory, id)).Get()));
        return [.. views.OfType<WebhookView>()];
    }

    public async Task<bool> Delete(string id)
    {
        if (!state.State.Ids.Contains(id))
        {
            return false;
        }

        await GrainFactory.GetGrain<IWebhookGrain>(WebhookKey.Of(Territory, id)).Delete();
        state.State.Ids.Remove(id);
        await state.WriteStateAsync();
        return true;
    }

    public async Task Dispatch(NoticeSnapshot notice, NoticeMessageKind kind)
    {
        var message = WebhookMessages.For(notice, kind, clock.GetUtcNow());
        await Task.WhenAll(state.State.Ids.Select(id => GrainFactory.GetGrain<IWebhookGrain>(WebhookKey.Of(Territory, id)).Enqueue(message)));
    }

    /// <summary>
    /// What the name answers now, so that the administrator learns at once of an address that cannot work. This is
    /// advice only: the check that protects is made at each connection, on the address reached.
    /// </summary>
    private async Task<string?> ResolvesPrivately(Uri url)
    {
        if (client.AllowPrivate || url.HostNameType != UriHostNameType.Dns)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            using var timeout = new CancellationTokenSource(WebhookRules.Timeout);
            addresses = await Dns.GetHostAddressesAsync(url.IdnHost, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return $"Le nom « {url.IdnHost} » est introuvable (DNS) : vérifiez l’adresse du webhook.";
        }

        return addresses.Length == 0 || addresses.Any(a => !WebhookRules.IsPublic(a)) ? WebhookRules.PrivateAddress : null;
    }
}
