using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;
using Xunit;

namespace AlloIndustrie.Tests.Grains;

/// <summary>
/// A web node told of a change reads the territory at once to render it for the pages watching, as every page
/// read of a surge does: those reads must not queue behind the territory's storage write and archive call (a
/// publication's live push once waited 155 ms for them), nor answer the list cached before the change.
/// </summary>
public sealed class TerritoryReadsTests : IAsyncLifetime
{
    private const string Territory = "lecture";
    private const string Memory = "memory";
    private readonly WriteGate storage = new();
    private GrainTestCluster test = null!;

    public async Task InitializeAsync() => test = await GrainTestCluster.Start(silo =>
    {
        silo.AddMemoryGrainStorage(Memory).UseInMemoryReminderService();
        silo.Services.AddKeyedSingleton<IGrainStorage>(AlloIndustrie.Grains.StorageNames.Grains,
            (services, _) => new HeldStorage(services.GetRequiredKeyedService<IGrainStorage>(Memory), storage));
    });

    public async Task DisposeAsync()
    {
        storage.Release();
        await test.DisposeAsync();
    }

    [Fact]
    public async Task A_territory_answers_its_reads_with_the_new_notice_while_its_write_of_it_is_still_under_way()
    {
        var territory = test.Grains.GetGrain<ITerritoryGrain>(Territory);
        await territory.Configure(new TerritoryProfile(Territory, "Lecture", [], "Bonjour.", NoticeRules.DefaultRetention));
        var site = test.Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "usine"));
        await site.Configure(new SiteSettings("Usine", "Société", "Rue", 49.4, 1.0, ["Rouen"], null, false));
        Assert.Empty(await territory.GetPublicNotices());

        storage.Hold("territory");
        var publishing = site.Publish(new NoticeDraft("flare", ["light"], "Torchage", "Une flamme est visible au-dessus de la raffinerie.", null, false, null, null, null));
        await storage.Held.WaitAsync(TimeSpan.FromSeconds(30));

        var reads = Task.WhenAll(territory.GetProfile(), territory.GetSites(), territory.GetPublicNotices(), territory.CountPublicNotices("usine"));
        Assert.Same(reads, await Task.WhenAny(reads, Task.Delay(TimeSpan.FromSeconds(30))));
        var notice = Assert.Single(await territory.GetPublicNotices());
        Assert.Equal("Torchage", notice.Title);
        Assert.Equal(1, await territory.CountPublicNotices("usine"));

        storage.Release();
        Assert.Equal(notice.Id, (await publishing).Notice!.Id);
    }

    /// <summary>Once told a state name, holds its writes until released.</summary>
    private sealed class WriteGate
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string? heldName;

        /// <summary>Completes once a write of the held state name is waiting.</summary>
        public Task Held => held.Task;

        public void Hold(string stateName) => heldName = stateName;

        public void Release() => released.TrySetResult();

        public async Task Pass(string stateName)
        {
            if (stateName == heldName)
            {
                held.TrySetResult();
                await released.Task;
            }
        }
    }

    /// <summary>Orleans' memory storage, whose writes pass the gate first.</summary>
    private sealed class HeldStorage(IGrainStorage memory, WriteGate gate) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            memory.ReadStateAsync(stateName, grainId, grainState);

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await gate.Pass(stateName);
            await memory.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            memory.ClearStateAsync(stateName, grainId, grainState);
    }
}
