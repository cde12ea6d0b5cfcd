using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Tests.Grains;
using AlloIndustrie.WebFront.Voice;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Xunit;

namespace AlloIndustrie.Tests.Voice;

/// <summary>The web front's memory of which territory a dialled number reaches, against the real directory grain.</summary>
public sealed class PhoneNumberTerritoriesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider webClock = new(DateTimeOffset.UtcNow);
    private GrainTestCluster test = null!;
    private PhoneNumberTerritories numbers = null!;

    public async Task InitializeAsync()
    {
        test = await GrainTestCluster.Start(silo => silo
            .AddMemoryGrainStorage(AlloIndustrie.Grains.StorageNames.Grains)
            .UseInMemoryReminderService());
        numbers = new PhoneNumberTerritories(test.Grains, webClock);
    }

    public async Task DisposeAsync() => await test.DisposeAsync();

    [Fact]
    public async Task A_number_moved_to_another_territory_reaches_it_within_the_cache_duration()
    {
        await Configure("caux", "0805 76 00 91");
        Assert.Equal("caux", await numbers.Find("+33805760091"));

        await Configure("caux", "0805 76 00 92");
        await Configure("bray", "0805 76 00 91");
        Assert.Equal("caux", await numbers.Find("+33805760091"));

        webClock.Advance(PhoneNumberTerritories.CacheDuration);
        Assert.Equal("bray", await numbers.Find("+33805760091"));
    }

    [Fact]
    public async Task An_unknown_number_is_asked_again_each_time_so_that_a_new_number_answers_at_once()
    {
        Assert.Null(await numbers.Find("+33805760093"));

        await Configure("vexin", "0805 76 00 93");

        Assert.Equal("vexin", await numbers.Find("+33805760093"));
        Assert.Null(await numbers.Find(" "));
    }

    [Fact]
    public async Task A_number_another_territory_has_is_refused_and_still_reaches_its_owner()
    {
        await Configure("roumois", "0805 76 00 94");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Configure("lieuvin", "+33 805 76 00 94"));
        Assert.Contains("appartient déjà à un autre territoire (roumois)", refused.Message);
        Assert.Null(await test.Grains.GetGrain<ITerritoryGrain>("lieuvin").GetProfile());
        Assert.Equal("roumois", await test.Grains.GetGrain<ITerritoryDirectoryGrain>(ITerritoryDirectoryGrain.Key).FindByPhoneNumber("+33805760094"));
    }

    private Task<TerritoryProfile> Configure(string slug, string number) =>
        test.Grains.GetGrain<ITerritoryGrain>(slug).Configure(new TerritoryProfile(slug, slug, [number], "", NoticeRules.DefaultRetention));
}
