using AlloIndustrie.Grains.Interfaces.Live;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Hosting.Observers;

namespace AlloIndustrie.WebFront.Residents.Live;

/// <summary>Keeps this node's <see cref="NoticeRelay"/> subscribed to every territory's notices.</summary>
public sealed class TerritorySubscriptions(IGrainFactory grains, NoticeRelay relay, TimeProvider clock, ILogger<TerritorySubscriptions> logger)
    : TerritoryObservers<INoticeObserver>(grains, clock, logger)
{
    protected override string Observed => "notices";

    // The audio observer (a notice observer too), so that territories send this node the audio's readiness as well.
    protected override INoticeObserver CreateReference(IGrainFactory factory) => factory.CreateObjectReference<INoticeAudioObserver>(relay);

    protected override async Task Subscribe(IGrainFactory factory, string territory, INoticeObserver observer)
    {
        if (await factory.GetGrain<ITerritoryGrain>(territory).Watch(observer) is { } held)
        {
            relay.CatchUp(territory, held);
        }
    }

    protected override Task Unsubscribe(IGrainFactory factory, string territory, INoticeObserver observer) =>
        factory.GetGrain<ITerritoryGrain>(territory).Unsubscribe(observer);
}
