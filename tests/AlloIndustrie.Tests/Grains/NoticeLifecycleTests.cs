using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime;
using Xunit;

namespace AlloIndustrie.Tests.Grains;

/// <summary>
/// The notice lifecycle through real grains and reminders; each storage (memory, SQLite, PostgreSQL) runs the
/// same cases through a subclass.
/// </summary>
public abstract class NoticeLifecycleTests : IAsyncLifetime
{
    private const string Territory = "test-territoire";
    private const string Site = "usine";

    protected GrainTestCluster Test { get; private set; } = null!;

    private IGrainFactory Grains => Test.Grains;

    private ISiteGrain SiteGrain => Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, Site));

    private ITerritoryGrain TerritoryGrain => Grains.GetGrain<ITerritoryGrain>(Territory);

    /// <summary>Readies the storage under test and says how a silo uses it.</summary>
    protected abstract Task<Action<ISiloBuilder>> PrepareStorage();

    protected virtual Task ReleaseStorage() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Test = await GrainTestCluster.Start(await PrepareStorage());
        await TerritoryGrain.Configure(new TerritoryProfile(Territory, "Territoire de test", ["0805 76 00 99"], "Bonjour.", NoticeRules.DefaultRetention));
        await SiteGrain.Configure(Settings(membershipEndsAt: null));
    }

    public async Task DisposeAsync()
    {
        await Test.DisposeAsync();
        await ReleaseStorage();
    }

    [Fact]
    public async Task The_territory_lists_notices_as_the_clock_says_before_any_reminder_has_run()
    {
        var now = Test.Clock.GetUtcNow();
        var older = Expect(await SiteGrain.Publish(Draft()));
        var later = Expect(await SiteGrain.Publish(Draft() with { StartsAt = now.AddMinutes(10) }));
        Assert.Equal([older.Id, later.Id], (await TerritoryGrain.GetPublicNotices()).Select(n => n.Id));

        // Past its start, whether or not its reminder has fired yet: in progress, and the newest of those in progress.
        Test.Clock.Advance(TimeSpan.FromMinutes(11));
        var listed = await TerritoryGrain.GetPublicNotices();
        Assert.Equal([later.Id, older.Id], listed.Select(n => n.Id));
        Assert.All(listed, n => Assert.Equal(NoticeStatus.Active, n.Status));
    }

    [Fact]
    public async Task A_scheduled_notice_becomes_active_then_ended_then_expired()
    {
        var now = Test.Clock.GetUtcNow();
        var published = Expect(await SiteGrain.Publish(Draft() with { StartsAt = now.AddMinutes(10) }));
        Assert.Equal(NoticeStatus.Scheduled, published.Status);
        Assert.Equal(1, published.Version);
        Assert.Equal(now.AddMinutes(10) + NoticeRules.DefaultRetention, published.ExpiresAt);
        Assert.Contains(await TerritoryGrain.GetPublicNotices(), n => n.Id == published.Id && n.Status == NoticeStatus.Scheduled);

        var notice = Grains.GetGrain<INoticeGrain>(published.Id);
        await Test.AdvanceUntil(TimeSpan.FromMinutes(10), async () => (await notice.Get())!.Version == 2);
        Assert.Equal(NoticeStatus.Active, (await notice.Get())!.Status);
        Assert.Equal(2, (await TerritoryGrain.GetPublicNotices()).Single(n => n.Id == published.Id).Version);

        var updated = Expect(await notice.AddUpdate("Le torchage se poursuit."));
        Assert.Equal(3, updated.Version);
        Assert.Equal("Le torchage se poursuit.", Assert.Single(updated.Updates).Message);

        var ended = Expect(await notice.End("Fin du torchage."));
        Assert.Equal(NoticeStatus.Ended, ended.Status);
        Assert.Equal(4, ended.Version);
        Assert.Equal(2, ended.Updates.Length);
        Assert.Contains(await TerritoryGrain.GetPublicNotices(), n => n.Id == published.Id && n.Status == NoticeStatus.Ended);

        // Reminders wake a notice at most a week ahead, so the nine days are reached in two hops.
        // The test clock keeps running while the grain handles the hop, so the new due time may drift past expiry a little.
        await Test.AdvanceUntil(TimeSpan.FromDays(7), async () => await LifecycleReminderDue(notice) is { } due
            && due >= published.ExpiresAt.AddSeconds(-1) && due < published.ExpiresAt.AddHours(1));
        await Test.AdvanceUntil(TimeSpan.FromDays(2), async () => (await notice.Get())!.Version == 5);
        var expired = (await notice.Get())!;
        Assert.Equal(NoticeStatus.Expired, expired.Status);
        Assert.DoesNotContain(await TerritoryGrain.GetPublicNotices(), n => n.Id == published.Id);
        Assert.Equal(NoticeErrorKind.Conflict, (await notice.AddUpdate("Trop tard.")).Error?.Kind);
        await GrainTestCluster.Eventually(async () => await LifecycleReminderDue(notice) is null);
    }

    [Fact]
    public async Task Repeated_reminder_ticks_change_nothing()
    {
        var published = Expect(await SiteGrain.Publish(Draft()));
        var notice = Grains.GetGrain<INoticeGrain>(published.Id);
        var remindable = notice.AsReference<IRemindable>();

        await remindable.ReceiveReminder("lifecycle", new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
        await remindable.ReceiveReminder("lifecycle", new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
        Assert.Equal(1, (await notice.Get())!.Version);

        await Test.AdvanceUntil(NoticeRules.DefaultRetention, async () => (await notice.Get())!.Version == 2);
        await remindable.ReceiveReminder("lifecycle", new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
        await remindable.ReceiveReminder("lifecycle", new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
        var expired = (await notice.Get())!;
        Assert.Equal(NoticeStatus.Expired, expired.Status);
        Assert.Equal(2, expired.Version);
    }

    [Fact]
    public async Task A_withdrawn_notice_leaves_the_public_list_and_accepts_nothing_more()
    {
        var published = Expect(await SiteGrain.Publish(Draft()));
        var notice = Grains.GetGrain<INoticeGrain>(published.Id);

        var refused = await notice.Withdraw("  ");
        Assert.Equal(NoticeErrorKind.Invalid, refused.Error?.Kind);
        Assert.Equal("Le motif du retrait est obligatoire.", refused.Error!.Errors["reason"]);
        Assert.Equal(1, (await notice.Get())!.Version);

        var withdrawn = Expect(await notice.Withdraw("Publiée par erreur."));
        Assert.Equal(NoticeStatus.Withdrawn, withdrawn.Status);
        Assert.Equal("Publiée par erreur.", withdrawn.WithdrawnReason);
        Assert.DoesNotContain(await TerritoryGrain.GetPublicNotices(), n => n.Id == published.Id);

        Assert.Equal(NoticeErrorKind.Conflict, (await notice.End(null)).Error?.Kind);
        Assert.Equal(NoticeErrorKind.Conflict, (await notice.AddUpdate("Encore ?")).Error?.Kind);
        Assert.Equal(2, (await notice.Get())!.Version);
    }

    [Fact]
    public async Task Invalid_drafts_are_refused_with_every_field_named_and_nothing_is_stored()
    {
        var now = Test.Clock.GetUtcNow();
        var result = await SiteGrain.Publish(new NoticeDraft(
            "volcano", ["noise", "earthquake"], "", new string('x', 2001), null, false,
            now.AddHours(2), now.AddHours(1), TimeSpan.FromMinutes(5)));

        Assert.Equal(NoticeErrorKind.Invalid, result.Error?.Kind);
        Assert.Equal(
            ["eventType", "expectedEndAt", "message", "nuisances", "retention", "title"],
            result.Error!.Errors.Keys.Order().ToArray());
        Assert.Empty(await SiteGrain.GetNoticeIds());
        Assert.Empty(await TerritoryGrain.GetPublicNotices());
    }

    [Fact]
    public async Task A_site_whose_membership_lapses_is_suspended_by_its_reminder_and_cannot_publish()
    {
        var now = Test.Clock.GetUtcNow();
        await SiteGrain.Configure(Settings(membershipEndsAt: now.AddMinutes(2)));
        Expect(await SiteGrain.Publish(Draft()));

        await Test.AdvanceUntil(TimeSpan.FromMinutes(3), async () => (await SiteGrain.GetProfile())!.Suspended);
        Assert.True((await TerritoryGrain.GetSites()).Single().Suspended);

        var refused = await SiteGrain.Publish(Draft());
        Assert.Equal(NoticeErrorKind.Forbidden, refused.Error?.Kind);
        Assert.Single(await SiteGrain.GetNoticeIds());
    }

    [Fact]
    public async Task One_site_may_have_at_most_thirty_notices_visible_at_once()
    {
        var published = new List<NoticeSnapshot>();
        for (var i = 0; i < NoticeRules.DefaultMaxVisiblePerSite; i++)
        {
            published.Add(Expect(await SiteGrain.Publish(Draft() with { Title = $"Torchage {i}" })));
        }

        var refused = await SiteGrain.Publish(Draft() with { Title = "Une de trop" });
        Assert.Equal(NoticeErrorKind.Conflict, refused.Error?.Kind);
        Assert.Contains("30 notices visibles", refused.Error!.Title);
        Assert.Equal(NoticeRules.DefaultMaxVisiblePerSite, (await TerritoryGrain.GetPublicNotices()).Length);
        Assert.Equal(NoticeRules.DefaultMaxVisiblePerSite, (await SiteGrain.GetNoticeIds()).Length);

        // Ended notices still show until they expire; a withdrawn one makes room.
        Expect(await Grains.GetGrain<INoticeGrain>(published[0].Id).End(null));
        Assert.Equal(NoticeErrorKind.Conflict, (await SiteGrain.Publish(Draft())).Error?.Kind);
        Expect(await Grains.GetGrain<INoticeGrain>(published[1].Id).Withdraw("Doublon"));
        Expect(await SiteGrain.Publish(Draft() with { Title = "À sa place" }));
    }

    [Fact]
    public async Task A_suspended_site_cannot_add_to_its_notices_but_may_still_end_or_withdraw_them()
    {
        await SiteGrain.Configure(Settings(membershipEndsAt: null));
        var going = Expect(await SiteGrain.Publish(Draft()));
        var mistaken = Expect(await SiteGrain.Publish(Draft() with { Title = "Erreur" }));
        await SiteGrain.Configure(Settings(membershipEndsAt: null) with { Suspended = true });

        var update = await Grains.GetGrain<INoticeGrain>(going.Id).AddUpdate("La flamme grandit.");
        Assert.Equal(NoticeErrorKind.Forbidden, update.Error?.Kind);
        Assert.Contains("suspendu", update.Error!.Title);
        Assert.Empty((await Grains.GetGrain<INoticeGrain>(going.Id).Get())!.Updates);

        // Residents must not be left with a fire that is over, or a false alarm, until the notice expires.
        Assert.Equal(NoticeStatus.Ended, Expect(await Grains.GetGrain<INoticeGrain>(going.Id).End("C’est terminé.")).Status);
        Assert.Equal(NoticeStatus.Withdrawn, Expect(await Grains.GetGrain<INoticeGrain>(mistaken.Id).Withdraw("Erreur de saisie")).Status);
    }

    [Fact]
    public async Task Notices_are_listed_active_first_then_newest_first()
    {
        var now = Test.Clock.GetUtcNow();
        var first = Expect(await SiteGrain.Publish(Draft() with { Title = "Premier" }));
        Test.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = Expect(await SiteGrain.Publish(Draft() with { Title = "À venir", StartsAt = now.AddDays(1) }));
        Test.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = Expect(await SiteGrain.Publish(Draft() with { Title = "Second" }));

        Assert.Equal([second.Id, first.Id, later.Id], (await TerritoryGrain.GetPublicNotices()).Select(n => n.Id).ToArray());
        Assert.Equal([second.Id, later.Id, first.Id], (await SiteGrain.GetNoticeIds()).ToArray());
    }

    private static NoticeDraft Draft() => new(
        "flare", ["light", "noise"], "Torchage en cours", "Une flamme est visible au-dessus de la raffinerie.",
        "Aucune action n’est nécessaire.", false, null, null, null);

    private static SiteSettings Settings(DateTimeOffset? membershipEndsAt) => new(
        "Usine de test", "Société de test", "1 rue de l’Usine", 49.4, 1.0, ["Rouen"], membershipEndsAt, false);

    private static NoticeSnapshot Expect(NoticeResult result)
    {
        Assert.Null(result.Error);
        return result.Notice!;
    }

    /// <summary>When the notice's reminder is next due, read from the reminder table itself.</summary>
    private async Task<DateTimeOffset?> LifecycleReminderDue(INoticeGrain notice)
    {
        var table = Test.Cluster.GetSiloServiceProvider(Test.Cluster.Silos[0].SiloAddress).GetRequiredService<IReminderTable>();
        var rows = await table.ReadRows(notice.GetGrainId());
        return rows.Reminders.SingleOrDefault(r => r.ReminderName == "lifecycle") is { } entry
            ? new DateTimeOffset(DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc))
            : null;
    }
}
