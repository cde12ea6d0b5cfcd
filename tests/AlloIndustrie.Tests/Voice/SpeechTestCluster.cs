using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Speech;
using AlloIndustrie.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace AlloIndustrie.Tests.Voice;

/// <summary>An in-process cluster with the given synthesiser and one territory holding one site, as the speech grains' tests need.</summary>
public static class SpeechTestCluster
{
    public static async Task<GrainTestCluster> Start(ISpeechSynthesizer synthesizer, string territory, string site)
    {
        var test = await GrainTestCluster.Start(silo => silo
            .AddMemoryGrainStorage(AlloIndustrie.Grains.StorageNames.Grains)
            .UseInMemoryReminderService()
            .Services.AddSingleton(synthesizer));
        await test.Grains.GetGrain<ITerritoryGrain>(territory).Configure(
            new TerritoryProfile(territory, "Territoire de test", ["0805 76 00 98"], "Bonjour.", NoticeRules.DefaultRetention));
        await test.Grains.GetGrain<ISiteGrain>(SiteKey.Of(territory, site)).Configure(new SiteSettings(
            "Usine de test", "Chimie de test", "1 rue de l’Usine, 76000 Rouen", 49.44, 1.09, ["Rouen"], null, false));
        return test;
    }
}
