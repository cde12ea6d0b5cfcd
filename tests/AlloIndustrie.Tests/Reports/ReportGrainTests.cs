using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Reports;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Interfaces.Voice;
using AlloIndustrie.Grains.Reports;
using AlloIndustrie.Tests.Grains;
using Orleans.Hosting;
using Xunit;

namespace AlloIndustrie.Tests.Reports;

/// <summary>
/// Matching, clustering and the desk's checks through real grains and reminders on a fake clock. Each test has
/// its own territory: a refinery perceived from Amont and Centre, a depot perceived from Centre and Aval.
/// </summary>
public sealed class ReportGrainTests : IAsyncLifetime
{
    private const int Threshold = 3;
    private const int Bits = 8;
    private const string Proof = "proof";
    private static int territories;

    private GrainTestCluster test = null!;
    private string territoryKey = "";

    private IGrainFactory Grains => test.Grains;

    private IReportDeskGrain Desk => Grains.GetGrain<IReportDeskGrain>(territoryKey);

    private IReportAlertsGrain Alerts => Grains.GetGrain<IReportAlertsGrain>(territoryKey);

    public async Task InitializeAsync()
    {
        test = await GrainTestCluster.Start(
            silo => silo.AddMemoryGrainStorage(AlloIndustrie.Grains.StorageNames.Grains).UseInMemoryReminderService(),
            new Dictionary<string, string?>
            {
                ["Allo:Reports:ClusterThreshold"] = Threshold.ToString(),
                ["Allo:Reports:Window"] = "00:30:00",
                ["Allo:Reports:ProofBits"] = Bits.ToString(),
                ["Allo:Reports:FormDelay"] = "00:00:05",
                ["Allo:Reports:PerCommunePerHour"] = "8",
            });
        territoryKey = $"test-signalements-{Interlocked.Increment(ref territories)}";
        await Grains.GetGrain<ITerritoryGrain>(territoryKey).Configure(
            new TerritoryProfile(territoryKey, "Territoire des signalements", ["0805 76 00 98"], "", NoticeRules.DefaultRetention));
        await Site("raffinerie").Configure(new SiteSettings("Raffinerie", "Raffinage SA", "Route du port", 49.4, 1.0, ["Amont", "Centre"], null, false));
        await Site("depot").Configure(new SiteSettings("Dépôt", "Dépôts SA", "Quai", 49.5, 1.1, ["Centre", "Aval"], null, false));
    }

    public async Task DisposeAsync() => await test.DisposeAsync();

    [Fact]
    public async Task Reports_from_enough_sources_in_communes_of_one_site_raise_one_alert_for_its_operators()
    {
        Assert.Empty((await Report("a", "Amont")).Explanations);
        await Report("b", "Centre", text: "Odeur de gaz <b>forte</b>");
        Assert.Empty(await Alerts.List());

        // Aval and Amont perceive no common site: a third source in Aval makes no cluster with Amont.
        await Report("c", "Aval");
        Assert.Empty(await Alerts.List());

        // A third source around the refinery does; the depot is told too, as it is perceived from Centre.
        await Report("d", "Amont");
        var alert = Assert.Single(await Alerts.List());
        Assert.Equal("odour", alert.Kind);
        Assert.Equal(Threshold, alert.Sources);
        Assert.Equal(["depot", "raffinerie"], alert.Sites.AsEnumerable());
        Assert.Equal([new ReportAlertCommune("Amont", 2), new ReportAlertCommune("Centre", 1)], alert.Communes.AsEnumerable());
        Assert.Equal(["Odeur de gaz <b>forte</b>"], alert.Texts.AsEnumerable());
        Assert.False(alert.Acknowledged);

        // Further reports perceived by the alert's sites extend it rather than raising a second one.
        await Report("e", "Centre");
        alert = Assert.Single(await Alerts.List());
        Assert.Equal(5, alert.Sources);
        Assert.Equal([new ReportAlertCommune("Amont", 2), new ReportAlertCommune("Centre", 2), new ReportAlertCommune("Aval", 1)], alert.Communes.AsEnumerable());
    }

    [Fact]
    public async Task A_matching_notice_is_shown_to_the_resident_and_prevents_the_alert()
    {
        var notice = await Publish("raffinerie", "flare", ["odour", "light"], "Torchage en cours");

        var outcome = await Report("a", "Centre");
        Assert.Equal([new ReportExplanation(notice.Id, "Torchage en cours", "Raffinerie", "Raffinage SA")], outcome.Explanations.AsEnumerable());
        await Report("b", "Amont");
        await Report("c", "Centre");
        await Report("d", "Amont");
        Assert.Empty(await Alerts.List());

        // A notice of another kind, or of a site not perceived from the commune, explains nothing.
        Assert.Empty((await Report("e", "Amont", kind: "smoke")).Explanations);
        Assert.Empty((await Report("f", "Aval")).Explanations);

        // Once the notice is withdrawn as an error, the reports still in the window are unexplained: the
        // reminder that slides the window raises the alert.
        Assert.Null((await Grains.GetGrain<INoticeGrain>(notice.Id).Withdraw("Publiée par erreur.")).Error);
        await test.AdvanceUntil(TimeSpan.FromMinutes(1), async () => (await Alerts.List()).Length == 1);
        Assert.Equal(5, Assert.Single(await Alerts.List()).Sources);
    }

    [Fact]
    public async Task One_source_alone_never_raises_a_cluster()
    {
        for (var i = 0; i < 6; i++)
        {
            await Report("flooder", i % 2 == 0 ? "Amont" : "Centre");
        }

        Assert.Empty(await Alerts.List());
        Assert.Equal(6, await Grains.GetGrain<IReportClusterGrain>(IReportClusterGrain.Key(territoryKey, "odour")).GetWindow());

        await Report("neighbour", "Amont");
        Assert.Empty(await Alerts.List());
        await Report("other-neighbour", "Centre");
        Assert.Equal(3, Assert.Single(await Alerts.List()).Sources);
    }

    [Fact]
    public async Task The_window_slides_and_old_reports_stop_counting()
    {
        var cluster = Grains.GetGrain<IReportClusterGrain>(IReportClusterGrain.Key(territoryKey, "noise"));
        await Report("a", "Amont", kind: "noise");
        await Report("b", "Amont", kind: "noise");
        await test.AdvanceUntil(TimeSpan.FromMinutes(31), async () => await cluster.GetWindow() == 0);

        await Report("c", "Amont", kind: "noise");
        Assert.Empty(await Alerts.List());

        // Reports dated back are counted from when they were perceived: ten minutes ago is still in the window.
        test.Clock.Advance(TimeSpan.FromMinutes(20));
        await Report("d", "Amont", kind: "noise", at: test.Clock.GetUtcNow().AddMinutes(-10));
        await test.AdvanceUntil(TimeSpan.FromMinutes(11), async () => await cluster.GetWindow() == 1);
        await Report("e", "Amont", kind: "noise");
        Assert.Empty(await Alerts.List());
        await Report("f", "Amont", kind: "noise");
        Assert.Equal(3, Assert.Single(await Alerts.List()).Sources);
    }

    [Fact]
    public async Task An_acknowledged_alert_keeps_who_and_when_and_later_reports_need_a_new_cluster()
    {
        foreach (var source in new[] { "a", "b", "c" })
        {
            await Report(source, "Aval", kind: "smoke");
        }

        var alert = Assert.Single(await Alerts.List());
        var acknowledged = await Alerts.Acknowledge(alert.Id, "exploitant@depot.example");
        Assert.Equal("exploitant@depot.example", acknowledged!.AcknowledgedBy);
        Assert.Equal(test.Clock.GetUtcNow(), acknowledged.AcknowledgedAt);
        Assert.Equal("exploitant@depot.example", (await Alerts.Acknowledge(alert.Id, "quelqu-un@autre.example"))!.AcknowledgedBy);
        Assert.Null(await Alerts.Acknowledge("inconnue", "x"));

        await Report("d", "Aval", kind: "smoke");
        await Report("e", "Aval", kind: "smoke");
        var unchanged = Assert.Single(await Alerts.List());
        Assert.Equal((acknowledged.Id, 3, "exploitant@depot.example"), (unchanged.Id, unchanged.Sources, unchanged.AcknowledgedBy));
        await Report("f", "Centre", kind: "smoke");
        Assert.Equal(2, (await Alerts.List()).Length);
    }

    [Fact]
    public async Task The_desk_rejects_impossible_values_and_unsolved_or_reused_challenges()
    {
        var now = test.Clock.GetUtcNow();
        await AssertRefused(Draft("a", "Ailleurs"), "commune");
        await AssertRefused(Draft("a", null), "commune");
        await AssertRefused(Draft("a", "Amont") with { Kind = "fire" }, "kind");
        await AssertRefused(Draft("a", "Amont") with { OccurredAt = now.AddMinutes(5) }, "occurredAt");
        await AssertRefused(Draft("a", "Amont") with { OccurredAt = now.AddMinutes(-31) }, "occurredAt");
        await AssertRefused(Draft("a", "Amont") with { Text = new string('x', 281) }, "text");

        var challenge = await Desk.IssueChallenge(delayed: false);
        Assert.Equal(Bits, challenge.Bits);
        var wrong = Enumerable.Range(0, 1000).Select(i => i.ToString()).First(n => ProofOfWork.LeadingZeroBits(challenge.Token, n) < Bits);
        Assert.Equal(Proof, Field(await Desk.SubmitReport(Draft("a", "Amont"), new ReportProof(challenge.Token, wrong))));
        Assert.Equal(Proof, Field(await Desk.SubmitReport(Draft("a", "Amont"), new ReportProof("invented", "1"))));
        Assert.Equal(Proof, Field(await Desk.SubmitReport(Draft("a", "Amont"), null)));

        var proof = Proofs.For(challenge);
        Assert.NotNull((await Desk.SubmitReport(Draft("a", "Amont"), proof)).Value);
        Assert.Equal(Proof, Field(await Desk.SubmitReport(Draft("a", "Amont"), proof)));

        var expiring = await Desk.IssueChallenge(delayed: false);
        test.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(Proof, Field(await Desk.SubmitReport(Draft("a", "Amont"), Proofs.For(expiring))));

        // Without script there is no work to do, but the challenge is accepted only after the wait.
        var delayed = await Desk.IssueChallenge(delayed: true);
        Assert.Equal(0, delayed.Bits);
        Assert.Equal(Proof, Field(await Desk.SubmitReport(Draft("a", "Amont"), new ReportProof(delayed.Token, "0"))));
        test.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.NotNull((await Desk.SubmitReport(Draft("a", "Amont"), new ReportProof(delayed.Token, "0"))).Value);

        // Only accepted reports are counted, in the commune they came from.
        Assert.Equal([new CommuneReportCount("Amont", "odour", 2)], (await Desk.GetRecentCounts()).AsEnumerable());
    }

    [Fact]
    public async Task A_commune_accepts_a_limited_number_of_reports_per_hour()
    {
        for (var i = 0; i < 8; i++)
        {
            await Report($"source-{i}", "Amont", kind: "light");
        }

        var refused = (await Desk.SubmitReport(Draft("late", "Amont"), Proofs.For(await Desk.IssueChallenge(false)))).Error!;
        Assert.Equal((NoticeErrorKind.TooMany, TimeSpan.FromMinutes(10)), (refused.Kind, refused.RetryAfter));
        Assert.StartsWith("Beaucoup de signalements arrivent de cette commune", refused.Title);
        await Report("elsewhere", "Aval");

        test.Clock.Advance(TimeSpan.FromMinutes(61));
        await Report("later", "Amont");
    }

    [Fact]
    public async Task The_counts_of_the_last_24_hours_are_per_commune_and_kind()
    {
        await Report("a", "Amont");
        await Report("b", "Amont");
        await Report("c", "Aval", kind: "noise");
        test.Clock.Advance(TimeSpan.FromHours(23));
        await Report("d", "Amont");
        Assert.Equal(
            [new CommuneReportCount("Amont", "odour", 3), new CommuneReportCount("Aval", "noise", 1)],
            (await Desk.GetRecentCounts()).AsEnumerable());

        test.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal([new CommuneReportCount("Amont", "odour", 1)], (await Desk.GetRecentCounts()).AsEnumerable());
    }

    [Fact]
    public async Task By_phone_key_4_records_a_report_for_the_territory_and_says_which_notice_explains_it()
    {
        await Publish("depot", "odour", ["odour"], "Odeur de soufre");
        var call = Grains.GetGrain<IPhoneCallGrain>($"CA-{territoryKey}");
        var answer = await call.Answer(territoryKey);
        Assert.EndsWith("tapez 4.", answer.Menu[^1].Value);

        var menu = await call.Choose(territoryKey, answer.MenuStep!.Value, "4");
        Assert.StartsWith("Que percevez-vous ?", menu.Menu[0].Value);
        var reported = await call.Choose(territoryKey, menu.MenuStep!.Value, "1");
        Assert.Equal(
            ["Merci, votre signalement est enregistré.", "C’est probablement expliqué par l’événement : Odeur de soufre, Dépôt."],
            reported.Preamble.Select(p => p.Value));
        Assert.Equal([new CommuneReportCount(null, "odour", 1)], (await Desk.GetRecentCounts()).AsEnumerable());

        // 0 in the report menu cancels and records nothing.
        var again = await call.Choose(territoryKey, reported.MenuStep!.Value, "4");
        var cancelled = await call.Choose(territoryKey, again.MenuStep!.Value, "0");
        Assert.Equal(["Signalement annulé."], cancelled.Preamble.Select(p => p.Value));
        Assert.Equal(1, (await Desk.GetRecentCounts()).Single().Count);
    }

    [Fact]
    public async Task A_position_becomes_its_nearest_commune_and_only_the_commune_is_counted()
    {
        var before = test.Clock.GetUtcNow();
        await LocateCommunes();

        // About 500 m from the centre of Centre, 7 km from those of Amont and Aval.
        var nearCentre = new ReportPosition(49.4531, 1.0542);
        Assert.Equal(Located.Found("Centre"), Located.Of(await Desk.FindCommune(nearCentre)));
        var receipt = await Desk.SubmitReport(Draft("a", null) with { Position = nearCentre }, Proofs.For(await Desk.IssueChallenge(false)));
        Assert.True(receipt.Value is not null, receipt.Error?.Title);
        Assert.Equal("Centre", receipt.Value.Commune);

        // Ailleurs has the nearest centre, but no site is perceived from it: residents cannot choose it, nor be put there.
        Assert.Equal(Located.Found("Aval"), Located.Of(await Desk.FindCommune(new ReportPosition(49.525, 1.15))));

        test.Clock.Advance(TimeSpan.FromHours(23));
        var nearAmont = new ReportPosition(49.3990, 0.9795);
        Assert.Equal("Amont", (await Desk.SubmitReport(Draft("b", null) with { Position = nearAmont }, Proofs.For(await Desk.IssueChallenge(false)))).Value!.Commune);
        Assert.Equal(
            [new CommuneReportCount("Amont", "odour", 1), new CommuneReportCount("Centre", "odour", 1)],
            (await Desk.GetRecentCounts()).AsEnumerable());
        Assert.Equal(1, await Grains.GetGrain<IReportClusterGrain>(IReportClusterGrain.Key(territoryKey, "odour")).GetWindow());

        test.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True(test.Clock.GetUtcNow() - before > TimeSpan.FromHours(24));
        Assert.Equal([new CommuneReportCount("Amont", "odour", 1)], (await Desk.GetRecentCounts()).AsEnumerable());
    }

    [Fact]
    public async Task Impossible_or_distant_positions_are_refused_in_French_and_change_nothing()
    {
        // Before the administrators give centres, no position can be placed.
        Assert.Equal(Located.Refused(ReportLocation.NoCentreMessage), Located.Of(await Desk.FindCommune(new ReportPosition(49.45, 1.05))));
        await AssertPositionRefused(new ReportPosition(49.45, 1.05), ReportLocation.NoCentreMessage);

        await LocateCommunes();
        foreach (var impossible in new[] { new ReportPosition(double.NaN, 1.05), new ReportPosition(49.45, double.NegativeInfinity), new ReportPosition(90.5, 1.05), new ReportPosition(49.45, -180.5) })
        {
            Assert.Equal(Located.Refused(ReportLocation.ImpossibleMessage), Located.Of(await Desk.FindCommune(impossible)));
            await AssertPositionRefused(impossible, ReportLocation.ImpossibleMessage);
        }

        // Évreux, some 50 km south: outside the territory.
        Assert.Equal(Located.Refused(ReportLocation.OutsideMessage), Located.Of(await Desk.FindCommune(new ReportPosition(49.027, 1.151))));
        await AssertPositionRefused(new ReportPosition(49.027, 1.151), ReportLocation.OutsideMessage);

        var both = await Desk.SubmitReport(Draft("a", "Amont") with { Position = new ReportPosition(49.45, 1.05) }, Proofs.For(await Desk.IssueChallenge(false)));
        Assert.Equal((NoticeErrorKind.Invalid, "position"), (both.Error!.Kind, Field(both)));

        Assert.Empty(await Desk.GetRecentCounts());
        Assert.Equal(0, await Grains.GetGrain<IReportClusterGrain>(IReportClusterGrain.Key(territoryKey, "odour")).GetWindow());
    }

    [Fact]
    public async Task The_previous_releases_Submit_and_Locate_answer_as_before()
    {
        // What a web front of the previous release reads: a ReportOutcome and a LocatedCommune, in the desk's words.
        var notice = await Publish("raffinerie", "flare", ["odour"], "Torchage en cours");
        var accepted = await Desk.Submit(Draft("a", "Centre"), Proofs.For(await Desk.IssueChallenge(false)));
        Assert.Equal((true, "Centre"), (accepted.Accepted, accepted.Commune));
        Assert.Equal([notice.Id], accepted.Explanations.Select(e => e.NoticeId));

        var invalid = await Desk.Submit(Draft("a", "Ailleurs"), Proofs.For(await Desk.IssueChallenge(false)));
        Assert.Equal((ReportErrorKind.Invalid, "commune", "Choisissez votre commune dans la liste du territoire."), (invalid.Error!.Value, invalid.Field!, invalid.Message!));
        Assert.Empty(invalid.Explanations);
        var unproved = await Desk.Submit(Draft("a", "Amont"), null);
        Assert.Equal((ReportErrorKind.Proof, Proof), (unproved.Error!.Value, unproved.Field!));
        Assert.StartsWith("Le délai de sécurité a expiré", unproved.Message);

        for (var i = 0; i < 8; i++)
        {
            await Report($"source-{i}", "Amont");
        }

        var limited = await Desk.Submit(Draft("late", "Amont"), Proofs.For(await Desk.IssueChallenge(false)));
        Assert.Equal((ReportErrorKind.RateLimited, (string?)null), (limited.Error!.Value, limited.Field));
        Assert.StartsWith("Beaucoup de signalements arrivent de cette commune", limited.Message);

        var unknown = Grains.GetGrain<IReportDeskGrain>($"{territoryKey}-inconnu");
        var nowhere = await unknown.Submit(Draft("call", null) with { Channel = ReportChannel.Phone }, null);
        Assert.Equal((ReportErrorKind.UnknownTerritory, (string?)null, "Ce territoire n’existe pas."), (nowhere.Error!.Value, nowhere.Field, nowhere.Message!));
        Assert.Equal(LocatedCommune.Refused("Ce territoire n’existe pas."), await unknown.Locate(new ReportPosition(49.45, 1.05)));

        Assert.Equal(LocatedCommune.Refused(ReportLocation.NoCentreMessage), await Desk.Locate(new ReportPosition(49.45, 1.05)));
        await LocateCommunes();
        Assert.Equal(LocatedCommune.Found("Centre"), await Desk.Locate(new ReportPosition(49.4531, 1.0542)));
        Assert.Equal(LocatedCommune.Refused(ReportLocation.OutsideMessage), await Desk.Locate(new ReportPosition(49.027, 1.151)));
    }

    [Fact]
    public async Task The_territory_refuses_a_commune_centre_that_cannot_exist_and_keeps_its_own()
    {
        await LocateCommunes();
        var territory = Grains.GetGrain<ITerritoryGrain>(territoryKey);
        var profile = (await territory.GetProfile())!;

        await Assert.ThrowsAsync<ArgumentException>(() => territory.Configure(profile with { CommuneCentres = [new CommuneCentre("Amont", double.NaN, 0.98)] }));
        await Assert.ThrowsAsync<ArgumentException>(() => territory.Configure(profile with { CommuneCentres = [new CommuneCentre("Amont", 49.4, 181)] }));

        Assert.Equal(profile.CommuneCentres.AsEnumerable(), (await territory.GetProfile())!.CommuneCentres.AsEnumerable());
    }

    /// <summary>Amont, Centre and Aval about 6 km apart along the river; Ailleurs, listed by no site, beyond Aval.</summary>
    private async Task LocateCommunes()
    {
        var territory = Grains.GetGrain<ITerritoryGrain>(territoryKey);
        await territory.Configure((await territory.GetProfile())! with
        {
            CommuneCentres =
            [
                new CommuneCentre("Amont", 49.40, 0.98),
                new CommuneCentre("Centre", 49.45, 1.05),
                new CommuneCentre("Aval", 49.50, 1.12),
                new CommuneCentre("Ailleurs", 49.53, 1.16),
            ],
        });
    }

    private async Task AssertPositionRefused(ReportPosition position, string message)
    {
        var refused = await Desk.SubmitReport(Draft("a", null) with { Position = position }, Proofs.For(await Desk.IssueChallenge(false)));
        Assert.Equal((NoticeErrorKind.Invalid, "position", message), (refused.Error!.Kind, Field(refused), refused.Error.Title));
    }

    private ISiteGrain Site(string slug) => Grains.GetGrain<ISiteGrain>(SiteKey.Of(territoryKey, slug));

    private async Task<NoticeSnapshot> Publish(string site, string eventType, ImmutableArray<string> nuisances, string title)
    {
        var result = await Site(site).Publish(new NoticeDraft(eventType, nuisances, title, "Message aux riverains.", null, false, null, null, null));
        return result.Notice ?? throw new InvalidOperationException(result.Error?.Title);
    }

    private static ReportDraft Draft(string source, string? commune) =>
        new("odour", commune, null, null, source, ReportChannel.Web);

    private async Task<ReportReceipt> Report(string source, string commune, string kind = "odour", string? text = null, DateTimeOffset? at = null)
    {
        var result = await Desk.SubmitReport(Draft(source, commune) with { Kind = kind, Text = text, OccurredAt = at }, Proofs.For(await Desk.IssueChallenge(false)));
        Assert.True(result.Value is not null, result.Error?.Title);
        return result.Value;
    }

    private async Task AssertRefused(ReportDraft draft, string field)
    {
        var refused = await Desk.SubmitReport(draft, Proofs.For(await Desk.IssueChallenge(false)));
        Assert.Equal((NoticeErrorKind.Invalid, field), (refused.Error!.Kind, Field(refused)));
    }

    /// <summary>The one field a refusal names, as every refusal of an invalid field does.</summary>
    private static string? Field(CommandResult<ReportReceipt> refused) => refused.Error?.Errors.Keys.Single();
}
