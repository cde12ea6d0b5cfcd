using System.Threading.Channels;
using AlloIndustrie.Grains.Interfaces.Live;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using Orleans.Hosting;
using Xunit;

namespace AlloIndustrie.Tests.Grains;

/// <summary>
/// A web node of the previous release observes a territory with a plain <see cref="INoticeObserver"/> (it has no
/// audio message): during a rolling upgrade it must keep getting every change, and only newer nodes hear of audio.
/// </summary>
public sealed class ObserverCompatibilityTests : IAsyncLifetime
{
    private const string Territory = "observateurs";
    private GrainTestCluster test = null!;

    public async Task InitializeAsync() =>
        test = await GrainTestCluster.Start(silo => silo
            .AddMemoryGrainStorage(AlloIndustrie.Grains.StorageNames.Grains)
            .UseInMemoryReminderService());

    public async Task DisposeAsync() => await test.DisposeAsync();

    [Fact]
    public async Task An_observer_without_the_audio_message_is_not_sent_it_and_keeps_every_change()
    {
        var territory = test.Grains.GetGrain<ITerritoryGrain>(Territory);
        await territory.Configure(new TerritoryProfile(Territory, "Observateurs", [], "Bonjour.", NoticeRules.DefaultRetention));
        var site = test.Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "usine"));
        await site.Configure(new SiteSettings("Usine", "Société", "Rue", 49.4, 1.0, ["Rouen"], null, false));

        var previous = new PreviousReleaseNode();
        var current = new CurrentNode();
        await territory.Subscribe(test.Cluster.Client.CreateObjectReference<INoticeObserver>(previous));
        await territory.Subscribe(test.Cluster.Client.CreateObjectReference<INoticeAudioObserver>(current));

        var first = (await site.Publish(Draft("Premier torchage"))).Notice!;
        Assert.Equal(first.Id, (await previous.Changes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10))).Id);

        await territory.AudioReady(new NoticeAudioReady(Territory, "usine", first.Id, first.Version, $"/audio/{first.Id}/{first.Version}.mp3"));
        Assert.Equal(first.Id, (await current.Audio.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10))).NoticeId);

        var second = (await site.Publish(Draft("Second torchage"))).Notice!;
        Assert.Equal(second.Id, (await previous.Changes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10))).Id);
    }

    private static NoticeDraft Draft(string title) =>
        new("flare", ["light"], title, "Une flamme est visible au-dessus de la raffinerie.", null, false, null, null, null);

    private class PreviousReleaseNode : INoticeObserver
    {
        public Channel<NoticeSnapshot> Changes { get; } = Channel.CreateUnbounded<NoticeSnapshot>();

        public Task NoticeChanged(NoticeSnapshot notice)
        {
            Changes.Writer.TryWrite(notice);
            return Task.CompletedTask;
        }
    }

    private sealed class CurrentNode : PreviousReleaseNode, INoticeAudioObserver
    {
        public Channel<NoticeAudioReady> Audio { get; } = Channel.CreateUnbounded<NoticeAudioReady>();

        public Task AudioReady(NoticeAudioReady ready)
        {
            Audio.Writer.TryWrite(ready);
            return Task.CompletedTask;
        }
    }
}
