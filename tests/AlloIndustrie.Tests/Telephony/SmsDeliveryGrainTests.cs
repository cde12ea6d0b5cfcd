using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Tests.Grains;
using AlloIndustrie.Tests.Storage;
using Xunit;

namespace AlloIndustrie.Tests.Telephony;

/// <summary>
/// SMS deliveries through real grains on SQLite and the Twilio stand-in over real HTTP, reminders on the fake clock:
/// Twilio overloaded or failing makes the delivery wait and resume, losing nothing; a restarted silo sends no
/// version twice.
/// </summary>
public sealed partial class SmsDeliveryGrainTests : IAsyncLifetime
{
    private const string Territory = "sms-territoire";
    private static readonly Uri BaseUrl = new("http://sms.test/");

    private readonly SqliteDatabase database = new();
    private TwilioStandIn twilio = null!;
    private GrainTestCluster test = null!;

    private IGrainFactory Grains => test.Grains;

    public async Task InitializeAsync()
    {
        twilio = await TwilioStandIn.Start();
        await StartSilo();
        await Grains.GetGrain<ITerritoryGrain>(Territory).Configure(new TerritoryProfile(Territory, "Territoire des SMS", ["0805 76 00 97"], "Bonjour.", NoticeRules.DefaultRetention));
        await Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "raffinerie")).Configure(
            new SiteSettings("Raffinerie", "Société de test", "1 rue de l’Usine", 49.4, 1.0, ["Rouen", "Sotteville"], null, false));
    }

    public async Task DisposeAsync()
    {
        await test.DisposeAsync();
        await twilio.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task A_long_retry_after_holds_the_sms_channel_until_then_and_the_reminders_resume_it()
    {
        string[] numbers = ["+33611000001", "+33611000002", "+33611000003"];
        foreach (var number in numbers)
        {
            await Subscribed(number);
        }

        var before = twilio.Messages.Count;
        twilio.Answer((429, 20429, 600), (429, 20429, 600), (429, 20429, 600));
        var notice = await Publish("Torchage patient");
        var delivery = Grains.GetGrain<INoticeDeliveryGrain>(notice.Id);
        await GrainTestCluster.Eventually(async () => (await delivery.Counts()).SingleOrDefault() is { ToSend: 3 } && twilio.Requests > 0);

        // Ten minutes asked for: nothing is sent, nothing counted failed, however long real time runs meanwhile.
        await Task.Delay(1500);
        Assert.Equal(before, twilio.Messages.Count);
        Assert.Equal((3, 0, 0), (await delivery.Counts()).Single() is var c ? (c.ToSend, c.Sent, c.Failed) : default);

        await test.AdvanceUntil(TimeSpan.FromMinutes(10), async () => (await delivery.Counts()).Single().Sent == 3);
        foreach (var number in numbers)
        {
            Assert.Single(twilio.To(number), m => m.Body.Contains("Torchage patient", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Twilio_failing_with_503_for_a_while_loses_nothing()
    {
        await Subscribed("+33611000004");
        await Subscribed("+33611000005");

        // Each attempt is one request and its two retries inside the HTTP pipeline: three attempts fail.
        twilio.Answer([.. Enumerable.Repeat((503, 20500, (int?)null), 9)]);
        var notice = await Publish("Torchage malgré la panne");
        var delivery = Grains.GetGrain<INoticeDeliveryGrain>(notice.Id);
        await test.AdvanceUntil(TimeSpan.FromSeconds(30), async () => (await delivery.Counts()).Single().Sent == 2);
        Assert.True(twilio.Requests >= 9 + 2 + 2, $"{twilio.Requests} requests");
        Assert.Single(twilio.To("+33611000004"), m => m.Body.Contains("malgré la panne", StringComparison.Ordinal));
        Assert.Single(twilio.To("+33611000005"), m => m.Body.Contains("malgré la panne", StringComparison.Ordinal));
        Assert.Equal(0, (await delivery.Counts()).Single().Failed);
    }

    [Fact]
    public async Task A_restarted_silo_sends_no_version_twice()
    {
        await Subscribed("+33611000006");
        var notice = await Publish("Torchage avant redémarrage");
        var delivery = Grains.GetGrain<INoticeDeliveryGrain>(notice.Id);
        await GrainTestCluster.Eventually(async () => (await delivery.Counts()).SingleOrDefault() is { Sent: 1 });
        var sent = twilio.Messages.Count;

        // The same cluster (its service id keys the rows) with a new silo process-wide state: grains, timers, reminders.
        await test.Cluster.RestartSiloAsync(test.Cluster.Silos[0]);

        // Reminders of the notice, its delivery and its partition all come back and fire: nothing left to send.
        var again = Grains.GetGrain<INoticeDeliveryGrain>(notice.Id);
        await GrainTestCluster.Eventually(async () =>
        {
            // The client finds the new silo within a few seconds; until then its calls fail.
            try
            {
                return (await again.Counts()).Length == 1;
            }
            catch (Orleans.Runtime.OrleansException)
            {
                return false;
            }
        });
        await test.AdvanceUntil(TimeSpan.FromMinutes(5), () => Task.FromResult(true));
        for (var i = 0; i < 5; i++)
        {
            test.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(300);
        }

        Assert.Equal((0, 1), (await again.Counts()).Single() is var c ? (c.ToSend, c.Sent) : default);
        Assert.Equal(sent, twilio.Messages.Count);

        // The next version still goes, once.
        await Grains.GetGrain<INoticeGrain>(notice.Id).AddUpdate("La flamme baisse.");
        await twilio.WaitFor(sent + 1);
        await Task.Delay(1000);
        Assert.Equal(sent + 1, twilio.Messages.Count);
        Assert.StartsWith("Mise à jour : Torchage avant redémarrage", twilio.Messages.Last().Body);
    }

    private async Task StartSilo()
    {
        var settings = twilio.Configuration();
        settings["Allo:Subscriptions:BackOff"] = "00:00:05";
        settings["Allo:Subscriptions:MaxBackOff"] = "00:00:10";
        settings["Allo:Subscriptions:Channels:Sms:PerSecond"] = "50";
        test = await GrainTestCluster.Start(database.SiloStorage(), settings);
    }

    private async Task Subscribed(string number)
    {
        var outcome = await Grains.GetGrain<ISubscriptionDeskGrain>(0).SignUp(
            new SignUp(Territory, SubscriberContact.Phone(SubscriptionChannel.Sms, number), SubscriptionPreferences.Everything, BaseUrl));
        Assert.Empty(outcome.Errors);
        var sms = (await twilio.WaitFor(1, m => m.To == number)).Last();
        Assert.Equal($"http://sms.test/sms/status?abonnement={outcome.Id}", sms.StatusCallback);
        var confirmed = await Grains.GetGrain<ISubscriptionGrain>(outcome.Id!).ConfirmCode(SixDigits().Match(sms.Body).Value);
        Assert.True(confirmed.Confirmed);
    }

    private async Task<NoticeSnapshot> Publish(string title)
    {
        var result = await Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "raffinerie")).Publish(new NoticeDraft(
            "flare", ["light"], title, "Une flamme est visible au-dessus de la raffinerie.", null, false, null, null, null));
        Assert.Null(result.Error);
        return result.Notice!;
    }

    [GeneratedRegex(@"\b[0-9]{6}\b")]
    private static partial Regex SixDigits();
}
