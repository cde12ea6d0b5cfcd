using AlloIndustrie.Grains.Interfaces.ApiKeys;
using AlloIndustrie.Grains.Interfaces.Archive;
using AlloIndustrie.Grains.Interfaces.Audit;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using Xunit;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>The audit trail, the notice archive and a site's keys, in an in-process cluster on a fake clock.</summary>
public sealed class AuditAndArchiveGrainTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private IGrainFactory Grains => fixture.Test.Grains;

    [Fact]
    public async Task The_audit_trail_keeps_every_entry_in_order_split_by_scope_and_month()
    {
        var scope = $"audit-{Guid.NewGuid():N}"[..20];
        var at = new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero);
        var month = Grains.GetGrain<IAuditGrain>(AuditKey.Of(scope, at));
        await month.Append(new AuditEntry(at, "a@test.example", "127.0.0.1", "notice.publier", "n1", null, "{\"v\":1}", false));
        await month.Append(new AuditEntry(at.AddMinutes(1), "b@test.example", "127.0.0.2", "notice.retrait", "n1", "{\"v\":1}", new string('x', 10_000), true));
        await Grains.GetGrain<IAuditGrain>(AuditKey.Of(scope, at.AddHours(2))).Append(new AuditEntry(at.AddHours(2), "c@test.example", null, "connexion", "c", null, null, false));

        var entries = await month.List();
        Assert.Equal(["notice.retrait", "notice.publier"], entries.Select(e => e.Action));
        Assert.True(entries[0].Refused);
        Assert.True(entries[0].After!.Length < 4_100);
        Assert.Equal("c@test.example", Assert.Single(await Grains.GetGrain<IAuditGrain>(AuditKey.Of(scope, at.AddHours(2))).List()).Actor);
        Assert.Equal($"{scope}/2026-12", AuditKey.Of(scope, at.AddHours(2)));
    }

    [Fact]
    public async Task Every_field_of_an_entry_is_clipped_and_a_repeated_refusal_is_one_counted_line()
    {
        var scope = $"audit-{Guid.NewGuid():N}"[..20];
        var at = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
        var month = Grains.GetGrain<IAuditGrain>(AuditKey.Of(scope, at));
        var huge = new string('a', 512 * 1024) + "@test.example";
        for (var i = 0; i < 300; i++)
        {
            await month.Append(new AuditEntry(at.AddSeconds(i), huge, "203.0.113.9", "connexion", huge, null, "{\"refus\":\"identifiants incorrects\"}", true));
        }

        await month.Append(new AuditEntry(at.AddSeconds(301), huge, "203.0.113.10", "connexion", huge, null, "{\"refus\":\"identifiants incorrects\"}", true));
        await month.Append(new AuditEntry(at.AddHours(3), huge, "203.0.113.9", "connexion", huge, null, "{\"refus\":\"identifiants incorrects\"}", true));

        var entries = await month.List();
        Assert.Equal(3, entries.Length);
        var counted = entries.Single(e => e.Ip == "203.0.113.9" && e.At == at);
        Assert.Equal(299, counted.Repeats);
        Assert.Equal(at.AddSeconds(299), counted.LastAt);
        Assert.All(entries, e => Assert.True(e.Actor.Length <= AuditLimits.ActorLength + 1 && e.Target.Length <= AuditLimits.TargetLength + 1));
        Assert.Equal(0, entries.Single(e => e.Ip == "203.0.113.10").Repeats);
        Assert.Equal(0, entries[0].Repeats);
    }

    [Fact]
    public async Task A_month_is_kept_in_pages_of_bounded_size_and_reads_back_whole_and_in_order()
    {
        var scope = $"audit-{Guid.NewGuid():N}"[..20];
        var at = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
        var key = AuditKey.Of(scope, at);
        var month = Grains.GetGrain<IAuditGrain>(key);
        for (var i = 0; i < 250; i++)
        {
            await month.Append(new AuditEntry(at.AddSeconds(i), "a@test.example", null, "notice.publier", $"n{i}", null, null, false));
        }

        Assert.Equal(Enumerable.Range(0, 250).Reverse().Select(i => $"n{i}"), (await month.List()).Select(e => e.Target));
        Assert.Equal(AuditLimits.EntriesPerPage, (await Grains.GetGrain<IAuditPageGrain>(AuditKey.Page(key, 0)).List()).Length);
        Assert.Equal(AuditLimits.EntriesPerPage, (await Grains.GetGrain<IAuditPageGrain>(AuditKey.Page(key, 1)).List()).Length);
        Assert.Equal(50, (await Grains.GetGrain<IAuditPageGrain>(AuditKey.Page(key, 2)).List()).Length);
    }

    [Fact]
    public async Task The_archive_keeps_notices_after_they_leave_the_territory_and_a_site_lists_and_revokes_only_its_keys()
    {
        var territory = $"t{Guid.NewGuid():N}"[..20];
        await Grains.GetGrain<ITerritoryGrain>(territory).Configure(new TerritoryProfile(territory, "Test", [], "Bonjour.", NoticeRules.DefaultRetention));
        var site = Grains.GetGrain<ISiteGrain>(SiteKey.Of(territory, "usine"));
        var other = Grains.GetGrain<ISiteGrain>(SiteKey.Of(territory, "autre"));
        foreach (var grain in new[] { site, other })
        {
            await grain.Configure(new SiteSettings("Usine", "Société", "Rue", 49, 1, ["Rouen"], null, false));
        }

        var kept = (await site.Publish(Draft("Gardée", TimeSpan.FromHours(2)))).Notice!;
        var withdrawn = (await site.Publish(Draft("Retirée", TimeSpan.FromHours(2)))).Notice!;
        await Grains.GetGrain<INoticeGrain>(withdrawn.Id).Withdraw("Erreur de saisie");

        Assert.Equal([withdrawn.Id, kept.Id], (await site.GetNotices()).Select(n => n.Id));
        var archive = Grains.GetGrain<INoticeArchiveGrain>(territory);
        Assert.Equal(NoticeStatus.Withdrawn, (await archive.List()).Single(n => n.Id == withdrawn.Id).Status);

        // Two hours to expiry (the reminder records it), then more than the day the territory keeps expired notices.
        await fixture.Test.AdvanceUntil(TimeSpan.FromHours(3), async () =>
            (await archive.List()).Single(n => n.Id == kept.Id).Status == NoticeStatus.Expired);
        fixture.Test.Clock.Advance(TimeSpan.FromDays(2));
        Assert.NotNull((await other.Publish(Draft("Déclencheur du ménage", TimeSpan.FromDays(1)))).Notice);
        Assert.DoesNotContain(await Grains.GetGrain<ITerritoryGrain>(territory).GetPublicNotices(), n => n.Id == kept.Id);
        var archived = await archive.List();
        Assert.Equal(3, archived.Length);
        Assert.Equal(NoticeStatus.Expired, archived.Single(n => n.Id == kept.Id).Status);
        Assert.Equal("Erreur de saisie", archived.Single(n => n.Id == withdrawn.Id).WithdrawnReason);

        var mine = (await site.IssueApiKey("Supervision")).Value!;
        var theirs = (await other.IssueApiKey("Autre")).Value!;
        Assert.Equal(["Supervision"], (await site.ListApiKeys()).Select(k => k.Label));
        Assert.False(await site.RevokeApiKey(theirs.KeyId));
        Assert.Null((await other.ListApiKeys()).Single().RevokedAt);
        Assert.True(await site.RevokeApiKey(mine.KeyId));
        Assert.NotNull((await site.ListApiKeys()).Single().RevokedAt);
    }

    [Fact]
    public async Task An_unknown_site_gets_no_key_and_the_previous_releases_call_still_creates_one_or_throws()
    {
        var territory = $"t{Guid.NewGuid():N}"[..20];
        await Grains.GetGrain<ITerritoryGrain>(territory).Configure(new TerritoryProfile(territory, "Test", [], "Bonjour.", NoticeRules.DefaultRetention));
        var unknown = Grains.GetGrain<ISiteGrain>(SiteKey.Of(territory, "inconnu"));
        var refused = await unknown.IssueApiKey("Supervision");
        Assert.Null(refused.Value);
        Assert.Equal((NoticeErrorKind.NotFound, "Site inconnu."), (refused.Error!.Kind, refused.Error.Title));
        Assert.Equal("Site inconnu.", (await Assert.ThrowsAsync<InvalidOperationException>(() => unknown.CreateApiKey("Supervision"))).Message);
        Assert.Empty(await unknown.ListApiKeys());

        // What a web front of the previous release calls.
        var site = Grains.GetGrain<ISiteGrain>(SiteKey.Of(territory, "usine"));
        await site.Configure(new SiteSettings("Usine", "Société", "Rue", 49, 1, ["Rouen"], null, false));
        var created = await site.CreateApiKey("Ancien tableau de bord");
        Assert.True(ApiKeyFormat.TryParse(created.Key, out var keyId, out _));
        Assert.Equal(created.KeyId, keyId);
        Assert.Equal([(created.KeyId, "Ancien tableau de bord")], (await site.ListApiKeys()).Select(k => (k.KeyId, k.Label)));
    }

    private static NoticeDraft Draft(string title, TimeSpan retention) =>
        new("odour", ["odour"], title, "Une odeur est perçue.", null, false, null, null, retention);
}
