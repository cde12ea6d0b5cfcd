using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
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
    private GrainTestCluster test = null!;

    private IGrainFactory Grains => test.Grains;

    private IPhoneLineStatsGrain Stats => Grains.GetGrain<IPhoneLineStatsGrain>(Territory);

    public async Task InitializeAsync()
    {
        test = await GrainTestCluster.Start(silo => silo
            .AddMemoryGrainStorage(AlloIndustrie.Grains.StorageNames.Grains)
            .UseInMemoryReminderService());
        await Grains.GetGrain<ITerritoryGrain>(Territory).Configure(
            new TerritoryProfile(Territory, "Territoire des appels", ["0805 76 00 97"], "", NoticeRules.DefaultRetention));
    }

    public async Task DisposeAsync() => await test.DisposeAsync();

    [Fact]
    public async Task A_caller_hears_what_is_in_progress_then_ended_then_planned_and_only_keys_that_make_sense()
    {
        const string site = "usine-des-appels";
        var siteGrain = Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, site));
        await siteGrain.Configure(new SiteSettings("Usine des appels", "Chimie des appels", "1 rue de l’Usine, 76000 Rouen", 49.44, 1.09, ["Rouen"], null, false));
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var tomorrowAtEleven = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(
            DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(test.Clock.GetUtcNow(), paris).Date.AddDays(1).AddHours(11), DateTimeKind.Unspecified), paris));

        async Task<NoticeSnapshot> Publish(string eventType, string title, DateTimeOffset? startsAt = null) =>
            (await siteGrain.Publish(new NoticeDraft(eventType, ["noise"], title, "Un message.", null, false, startsAt, null, null))).Notice!;

        await Publish("siren", "Essai de sirène", tomorrowAtEleven);
        var ended = await Publish("flare", "Torchage du matin");
        Assert.NotNull((await Grains.GetGrain<INoticeGrain>(ended.Id).End("Fin du torchage.")).Notice);
        await Publish("odour", "Odeur de soufre");

        var call = Grains.GetGrain<IPhoneCallGrain>("CA-order");
        var answer = await call.Answer(Territory);

        // The all-clear made the torchage no event in progress; the siren test is not one yet.
        Assert.Equal(
            ["Il y a en ce moment 1 événement en cours.", "Un événement est terminé depuis peu.", "Un événement est prévu.",
             "À tout moment, tapez 1 pour réécouter, 2 pour passer au suivant."],
            answer.Preamble.Skip(1).Select(p => p.Value));
        Assert.Equal("Événement 1 sur 3, en cours :", answer.Menu[0].Value);
        Assert.Equal([1, 2, 4], Keys(answer));
        Assert.Equal(CallResponse.ShortWaitSeconds, answer.WaitSeconds);

        answer = await call.Choose(Territory, answer.MenuStep!.Value, "2");
        Assert.Equal("Événement 2 sur 3. Un événement est terminé :", answer.Menu[0].Value);
        Assert.Equal([1, 2, 3, 4, 0], Keys(answer));

        answer = await call.Choose(Territory, answer.MenuStep!.Value, null);
        Assert.Equal("Événement 3 sur 3. Un événement est prévu demain à 11 heures :", answer.Menu[0].Value);
        Assert.Equal([1, 3, 4, 0], Keys(answer));
        Assert.True(answer.WaitSeconds >= 8);

        // After the last one, the menu twice more with a long wait, then only the goodbye.
        answer = await call.Choose(Territory, answer.MenuStep!.Value, null);
        Assert.Equal("Vous avez entendu tous les événements.", answer.Menu[0].Value);
        Assert.Equal([1, 3, 4, 0], Keys(answer));
        Assert.True(answer.WaitSeconds >= 8);
        answer = await call.Choose(Territory, answer.MenuStep!.Value, null);
        Assert.Equal([1, 3, 4, 0], Keys(answer));
        Assert.True(answer.WaitSeconds >= 8);

        // 1 there repeats the last notice heard, and the count of repeats starts again after it.
        var again = await call.Choose(Territory, answer.MenuStep!.Value, "1");
        Assert.Equal("Événement 3 sur 3. Un événement est prévu demain à 11 heures :", again.Menu[0].Value);
        answer = await call.Choose(Territory, again.MenuStep!.Value, null);
        answer = await call.Choose(Territory, answer.MenuStep!.Value, null);
        answer = await call.Choose(Territory, answer.MenuStep!.Value, null);
        Assert.Null(answer.MenuStep);
        Assert.Equal(["Merci de votre appel. Au revoir."], answer.Preamble.Select(p => p.Value));
    }

    /// <summary>The keys the menu offers, in the order it says them.</summary>
    private static int[] Keys(CallResponse answer) =>
        [.. System.Text.RegularExpressions.Regex.Matches(answer.Menu[^1].Value, @"tapez (\d)").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task A_call_without_status_callback_ends_itself_after_the_idle_timeout()
    {
        var call = Grains.GetGrain<IPhoneCallGrain>("CA-idle");
        var answer = await call.Answer(Territory);
        Assert.Equal("Bonjour. Vous êtes sur la ligne d’information AlloIndustrie du territoire Territoire des appels.", answer.Preamble[0].Value);
        await GrainTestCluster.Eventually(async () => (await Stats.Get()).Calls == 1);

        await test.AdvanceUntil(PhoneCallGrain.IdleTimeout, async () => (await Stats.Get()).EndedCalls == 1);
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

        // A call answered and ended after it: once its end is counted, anything the lost call sent before has been too.
        var next = Grains.GetGrain<IPhoneCallGrain>("CA-next");
        await next.Answer(Territory);
        await next.StatusChanged("in-progress", null);
        await next.StatusChanged("completed", TimeSpan.FromSeconds(7));
        await GrainTestCluster.Eventually(async () => (await Stats.Get()).TotalDuration == TimeSpan.FromSeconds(7));
        Assert.Equal(new PhoneLineStats(1, 1, TimeSpan.FromSeconds(7)), await Stats.Get());
    }
}
