using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Territories;
using Xunit;

namespace AlloIndustrie.Tests.Grains;

/// <summary>
/// During a rolling upgrade, a web front of the previous release saves a territory's settings with a profile that
/// has no commune centres field: Orleans hands the grain a default array for it, which must not erase the centres.
/// </summary>
public sealed class TerritoryUpgradeTests : SqliteClusterTest
{
    private const string Territory = "mise-a-jour";

    [Fact]
    public async Task A_profile_from_a_release_without_commune_centres_keeps_the_stored_ones()
    {
        var territory = Test.Grains.GetGrain<ITerritoryGrain>(Territory);
        await territory.Configure(new TerritoryProfile(Territory, "Mise à jour", [], "Bonjour.", NoticeRules.DefaultRetention)
        {
            CommuneCentres = [new CommuneCentre("Rouen", 49.443, 1.099)],
        });

        var previousRelease = new TerritoryProfile(Territory, "Mise à jour (renommé)", [], "Bonjour à tous.", NoticeRules.DefaultRetention) { CommuneCentres = default };
        var saved = await territory.Configure(previousRelease);

        Assert.Equal("Mise à jour (renommé)", saved.Name);
        Assert.Equal(["Rouen"], saved.CommuneCentres.Select(c => c.Commune));
        await Test.Cluster.DeactivateAsync(territory);
        Assert.Equal(["Rouen"], (await territory.GetProfile())!.CommuneCentres.Select(c => c.Commune));

        // Today's form sends the list it shows: an empty one does remove them.
        Assert.Empty((await territory.Configure(previousRelease with { CommuneCentres = [] })).CommuneCentres);
    }
}
