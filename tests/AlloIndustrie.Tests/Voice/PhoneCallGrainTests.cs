using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.Grains.Voice;
using AlloIndustrie.Tests.Grains;
using Orleans.Hosting;
using Xunit;

namespace AlloIndustrie.Tests.Voice;

/// <summary>The call grain's own life, on a fake clock: idle calls end, late webhooks change nothing.</summary>
public sealed class PhoneCallGrainTests : IAsyncLifetime
{
    private const string Territory = "test-appels";
    private GrainTestCluster _test = null!;

    private IGrainFactory Grains => _test.Grains;

    private IPhoneLineStatsGrain Stats => Grains.GetGrain<IPhoneLineStatsGrain>(Territory);

    public async Task InitializeAsync()
    {
        _test = await GrainTestCluster.Start(silo => silo
            .AddMemoryGrainStorage(AlloIndustrie.Grains.StorageNames.Grains)
            .UseInMemoryReminderService());
        await Grains.GetGrain<ITerritoryGrain>(Territory).Configure(
            new TerritoryProfile(Territory, "Territoire des appels", ["0805 76 00 97"], "", NoticeRules.DefaultRetention));
    }

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [Fact]
    public async Task A_call_without_status_callback_ends_itself_after_the_idle_timeout()
    {
        var call = Grains.GetGrain<IPhoneCallGrain>("CA-idle");
        var answer = await call.Answer(Territory);
        Assert.Equal("Bonjour. Vous êtes sur la ligne d’information AlloIndustrie du territoire Territoire des appels.", answer.Preamble[0].Value);
        await GrainTestCluster.Eventually(async () => (await Stats.Get()).Calls == 1);

        await _test.AdvanceUntil(PhoneCallGrain.IdleTimeout, async () => (await Stats.Get()).EndedCalls == 1);
        Assert.Equal(new PhoneLineStats(1, 1, TimeSpan.Zero), await Stats.Get());
    }

    [Fact]
    public async Task An_ended_call_answers_late_webhooks_with_goodbye_and_counts_once()
    {
        var call = Grains.GetGrain<IPhoneCallGrain>("CA-ended");
        await call.Answer(Territory);
        await call.StatusChanged("in-progress", null);
        await call.StatusChanged("completed", TimeSpan.FromSeconds(30));
        await call.StatusChanged("completed", TimeSpan.FromSeconds(30));

        var late = await call.Choose(Territory, 1, "2");
        Assert.Null(late.MenuStep);
        Assert.Equal([CallPrompt.Say("Merci de votre appel. Au revoir.")], late.Preamble.AsEnumerable());
        await GrainTestCluster.Eventually(async () => (await Stats.Get()).EndedCalls == 1);
        Assert.Equal(new PhoneLineStats(1, 1, TimeSpan.FromSeconds(30)), await Stats.Get());
    }

    [Fact]
    public async Task A_call_unknown_at_the_menu_starts_over_without_being_counted_again()
    {
        var answer = await Grains.GetGrain<IPhoneCallGrain>("CA-lost").Choose(Territory, 4, "2");

        Assert.Equal("Reprenons depuis le début.", answer.Preamble[0].Value);
        Assert.StartsWith("Aucun événement en cours, ce ", answer.Preamble[1].Value);
        Assert.Null(answer.MenuStep);
        await Task.Delay(200);
        Assert.Equal(0, (await Stats.Get()).Calls);
    }
}
