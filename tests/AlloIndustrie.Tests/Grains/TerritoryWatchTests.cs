using System.Threading.Channels;
using AlloIndustrie.Grains.Interfaces.Live;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using Xunit;

namespace AlloIndustrie.Tests.Grains;

/// <summary>
/// A territory grain that comes back on another silo has forgotten the web nodes observing it, and a change made
/// before their next renewal reaches none of them: the renewal then answers what the territory holds, so that each
/// node tells its browsers what they were not sent.
/// </summary>
public sealed class TerritoryWatchTests : SqliteClusterTest
{
    private const string Territory = "veille";

    [Fact]
    public async Task A_renewal_answers_the_held_notices_only_when_the_territory_had_forgotten_the_node()
    {
        var territory = Test.Grains.GetGrain<ITerritoryGrain>(Territory);
        await territory.Configure(new TerritoryProfile(Territory, "Veille", [], "Bonjour.", NoticeRules.DefaultRetention));
        var site = Test.Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "usine"));
        await site.Configure(new SiteSettings("Usine", "Société", "Rue", 49.4, 1.0, ["Rouen"], null, false));
        var node = new Node();
        var observer = Test.Cluster.Client.CreateObjectReference<INoticeObserver>(node);

        Assert.Empty((await territory.Watch(observer))!.Value);
        var first = (await site.Publish(Draft("Premier torchage"))).Notice!;
        Assert.Equal(first.Id, (await node.Changes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10))).Id);
        Assert.Null(await territory.Watch(observer));

        await Test.Cluster.DeactivateAsync(territory);
        var second = (await site.Publish(Draft("Second torchage"))).Notice!;
        var held = (await territory.Watch(observer))!.Value;

        Assert.Equal([first.Id, second.Id], held.Select(n => n.Id).Order(StringComparer.Ordinal), StringComparer.Ordinal.Equals);
        Assert.All(held, n => Assert.Equal(NoticeStatus.Active, n.Status));
        Assert.Null(await territory.Watch(observer));
    }

    private static NoticeDraft Draft(string title) =>
        new("flare", ["light"], title, "Une flamme est visible au-dessus de la raffinerie.", null, false, null, null, null);

    private sealed class Node : INoticeObserver
    {
        public Channel<NoticeSnapshot> Changes { get; } = Channel.CreateUnbounded<NoticeSnapshot>();

        public Task NoticeChanged(NoticeSnapshot notice)
        {
            Changes.Writer.TryWrite(notice);
            return Task.CompletedTask;
        }
    }
}
