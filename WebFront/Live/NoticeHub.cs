using AlloIndustrie.Grains.Interfaces;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Public;
using Microsoft.AspNetCore.SignalR;

namespace AlloIndustrie.WebFront.Live;

/// <summary>The contract's hub: browsers watch a territory and receive <c>noticeChanged</c> for each of its notices.</summary>
public sealed class NoticeHub(IGrainFactory grains, TerritorySubscriptions subscriptions) : Hub
{
    public const string Path = "/hubs/notices";
    public const string NoticeChanged = "noticeChanged";

    public static string Group(string territory) => $"territory:{territory}";

    public async Task Watch(string territory)
    {
        if (!Identifiers.IsTerritory(territory) || await grains.GetGrain<ITerritoryGrain>(territory).GetProfile() is null)
        {
            throw new HubException("Territoire inconnu.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(territory));
        await subscriptions.SubscribeTo(territory);
    }
}
