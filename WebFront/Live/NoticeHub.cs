using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Public;
using AlloIndustrie.WebFront.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace AlloIndustrie.WebFront.Live;

/// <summary>The contract's hub: browsers watch a territory and receive <c>noticeChanged</c> for each of its notices.</summary>
public sealed class NoticeHub(IGrainFactory grains, TerritorySubscriptions subscriptions, WebMetrics metrics) : Hub
{
    public const string Path = "/hubs/notices";
    public const string NoticeChanged = "noticeChanged";

    /// <summary>Beyond the contract: the audio of a notice's current version exists (the notice did not change).</summary>
    public const string AudioReady = "audioReady";

    public static string Group(string territory) => $"territory:{territory}";

    public async Task Watch(string territory)
    {
        if (!Identifiers.IsTerritory(territory) || await grains.GetGrain<ITerritoryGrain>(territory).GetProfile() is null)
        {
            throw new HubException("Territoire inconnu.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(territory));
        await subscriptions.SubscribeTo(territory);
        if (Watched.Add(territory))
        {
            metrics.Watching(territory);
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var territory in Watched)
        {
            metrics.StoppedWatching(territory);
        }

        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The territories this connection watches, counted once each however often it asks.</summary>
    private HashSet<string> Watched =>
        Context.Items.TryGetValue(nameof(Watched), out var watched) && watched is HashSet<string> set
            ? set
            : (HashSet<string>)(Context.Items[nameof(Watched)] = new HashSet<string>(StringComparer.Ordinal));
}
