using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Grains.Interfaces.Webhooks;
using AlloIndustrie.Tests.Grains;
using Orleans.Hosting;
using Xunit;

namespace AlloIndustrie.Tests.Webhooks;

/// <summary>An operator's notice, through the delivery engine, to a territory's webhook: one signed message per version, typed by what happened.</summary>
public sealed class WebhookNoticeTests : IAsyncLifetime
{
    private const string Territory = "webhook-territoire";
    private GrainTestCluster cluster = null!;
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        receiver = await WebhookReceiver.Start();
        cluster = await GrainTestCluster.Start(
            silo => silo.AddMemoryGrainStorage(AlloIndustrie.Grains.StorageNames.Grains).UseInMemoryReminderService(),
            new Dictionary<string, string?>
            {
                ["Allo:Subscriptions:AllowPrivateWebhooks"] = "true",
                ["ALLO_DATA_DIR"] = Path.Combine(Path.GetTempPath(), "alloindustrie-tests", Guid.NewGuid().ToString("N")),
            });
        await cluster.Grains.GetGrain<ITerritoryGrain>(Territory).Configure(new TerritoryProfile(Territory, "Territoire des webhooks", ["0805 76 00 96"], "Bonjour.", NoticeRules.DefaultRetention));
        await cluster.Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "depot")).Configure(
            new SiteSettings("Dépôt", "Société de test", "Quai", 49.4, 1.0, ["Rouen"], null, false));
    }

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task Each_notice_version_is_one_signed_message_named_by_what_happened()
    {
        var created = await cluster.Grains.GetGrain<IWebhookDirectoryGrain>(Territory).Create(receiver.Url("mairie"), "Mairie de Rouen", "admin@demo");
        receiver.Trust("mairie", created.Secret!);
        var site = cluster.Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "depot"));

        // Each step waits for its message: a version not yet fanned out when the next arrives is replaced by it, as for subscribers.
        var notice = (await site.Publish(new NoticeDraft("smoke", ["smoke"], "Fumée au dépôt", "Un panache est visible.", null, false, null, null, null))).Notice!;
        await Got(1);
        var grain = cluster.Grains.GetGrain<INoticeGrain>(notice.Id);
        await grain.AddUpdate("Le panache diminue.");
        await Got(2);
        await grain.AddUpdate("Sans intérêt pour les abonnés.", notify: false);
        await grain.End("Fin de l’événement.");
        await Got(3);
        await grain.Withdraw("Publié par erreur.");
        await Got(4);
        await Task.Delay(500);

        var received = receiver.For("mairie");
        Assert.Equal([$"{notice.Id}-v1", $"{notice.Id}-v2", $"{notice.Id}-v4", $"{notice.Id}-v5"], received.Select(r => r.Id));
        Assert.All(received, r => Assert.True(r.Verified));
        Assert.Equal(["notice.published", "notice.updated", "notice.ended", "notice.withdrawn"], received.Select(r => r.Json.GetProperty("type").GetString()));
        var withdrawn = received[3].Json.GetProperty("data");
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal("Publié par erreur.", withdrawn.GetProperty("withdrawnReason").GetString());
    }

    private Task Got(int count) => GrainTestCluster.Eventually(() => Task.FromResult(receiver.For("mairie").Count >= count));
}
