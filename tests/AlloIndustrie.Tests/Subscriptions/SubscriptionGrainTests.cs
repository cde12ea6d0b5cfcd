using System.Collections.Immutable;
using AlloIndustrie.Grains.Interfaces.Notices;
using AlloIndustrie.Grains.Interfaces.Sites;
using AlloIndustrie.Grains.Interfaces.Subscriptions;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.Tests.Grains;
using MimeKit;
using Orleans.Hosting;
using Xunit;

namespace AlloIndustrie.Tests.Subscriptions;

/// <summary>
/// The subscription core and the delivery engine through real grains, reminders on the fake clock, a real SMTP
/// server in the test process, and each real store (SQLite, PostgreSQL) through a subclass.
/// </summary>
public abstract class SubscriptionGrainTests : IAsyncLifetime
{
    protected const string Territory = "abo-territoire";
    private static readonly Uri BaseUrl = new("http://abonnement.test/");

    protected GrainTestCluster Test { get; private set; } = null!;

    protected SmtpTestServer Smtp { get; } = SmtpTestServer.Start();

    private IGrainFactory Grains => Test.Grains;

    protected abstract Task<Action<ISiloBuilder>> PrepareStorage();

    protected virtual Task ReleaseStorage() => Task.CompletedTask;

    /// <summary>Settings of each test: small buckets and windows, so that a few subscribers make several partitions.</summary>
    protected virtual Dictionary<string, string?> Settings()
    {
        var settings = Smtp.Settings();
        settings["Allo:Subscriptions:BucketSize"] = "3";
        settings["Allo:Subscriptions:InFlightWindow"] = "2";
        settings["Allo:Subscriptions:Channels:Email:MaxConcurrency"] = "2";
        settings["Allo:Subscriptions:BackOff"] = "00:00:30";
        return settings;
    }

    public async Task InitializeAsync()
    {
        Test = await GrainTestCluster.Start(await PrepareStorage(), Settings(), GrainTestCluster.NextNoonInParis());
        await Grains.GetGrain<ITerritoryGrain>(Territory).Configure(new TerritoryProfile(Territory, "Territoire des abonnés", ["0805 76 00 98"], "Bonjour.", NoticeRules.DefaultRetention));
        await Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "raffinerie")).Configure(Site("Raffinerie", ["Rouen", "Sotteville"]));
        await Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, "chimie")).Configure(Site("Chimie", ["Elbeuf"]));
    }

    public async Task DisposeAsync()
    {
        await Test.DisposeAsync();
        await Smtp.DisposeAsync();
        await ReleaseStorage();
    }

    [Fact]
    public async Task A_sign_up_is_confirmed_by_the_mail_s_link_then_gets_notices_threaded_with_one_click_unsubscription()
    {
        var signUp = await SignUp("Alice@Example.org");
        Assert.Equal(SubscriptionStatus.Pending, signUp.Status);
        var confirmation = (await Smtp.WaitFor(1)).Single();
        Assert.Equal("alice@example.org", confirmation.To.Mailboxes.Single().Address, ignoreCase: true);
        Assert.Contains("Confirmez votre abonnement", confirmation.Subject);
        var confirmLink = Link(confirmation, "/abonnement/confirmer/");
        Assert.Contains(confirmLink, confirmation.HtmlBody);

        // Nothing is sent to a pending subscription, nor later for a version made before it was confirmed,
        // whenever the fan-out reaches the subscription's bucket.
        var first = await Publish(Draft());
        Test.Clock.Advance(TimeSpan.FromSeconds(1));
        await Confirm(confirmLink);
        var second = await Publish(Draft() with { Title = "Fumée visible" });
        bool OfSecond(MimeMessage m) => m.MessageId?.StartsWith($"notice.{second.Id}.", StringComparison.Ordinal) == true;
        var mail = (await Smtp.WaitFor(1, OfSecond)).Single();
        Assert.Contains("Fumée visible", mail.Subject);
        Assert.DoesNotContain(Smtp.Received, m => m.MessageId?.StartsWith($"notice.{first.Id}.v1.", StringComparison.Ordinal) == true);
        Assert.Contains("Raffinerie", mail.TextBody);
        Assert.Contains("Rouen, Sotteville", mail.TextBody);
        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = mail.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.StartsWith("http://abonnement.test/abonnement/desabonner/", unsubscribe);
        Assert.Equal($"notice.{second.Id}.v1.{signUp.Id}@alloindustrie.test", mail.MessageId);
        Assert.Empty(mail.References);

        // An update the operator marks for subscribers goes out, referring to the first mail; one that is not does not.
        await Grains.GetGrain<INoticeGrain>(second.Id).AddUpdate("La fumée se dissipe.", notify: false);
        await Grains.GetGrain<INoticeGrain>(second.Id).AddUpdate("La fumée a disparu.");
        var update = (await Smtp.WaitFor(2, OfSecond)).Last();
        Assert.Equal($"notice.{second.Id}.v3.{signUp.Id}@alloindustrie.test", update.MessageId);
        Assert.Equal([$"notice.{second.Id}.v1.{signUp.Id}@alloindustrie.test"], update.References);
        Assert.Contains("La fumée a disparu.", update.TextBody);
        Assert.StartsWith("Mise à jour", update.Subject);

        // The unsubscription link's token unsubscribes; nothing is sent after it, and the address is forgotten.
        Assert.True(SubscriptionTokens.TryParse(unsubscribe[(unsubscribe.LastIndexOf('/') + 1)..], out var id, out var tag));
        Assert.True(await Grains.GetGrain<ISubscriptionGrain>(id).Unsubscribe(tag));
        Assert.Null(await Grains.GetGrain<ISubscriptionGrain>(id).Get(TokenPurpose.Manage, tag));
        await Grains.GetGrain<INoticeGrain>(second.Id).End("Fin.");
        await Grains.GetGrain<INoticeGrain>(first.Id).End("Fin.");
        await Task.Delay(1000);
        Assert.Equal(2, Smtp.Received.Count(OfSecond));
        Assert.Empty(await Grains.GetGrain<ISubscriptionIndexGrain>(Territory).Counts());
    }

    [Fact]
    public async Task Fifty_sign_ups_of_one_address_at_once_make_one_subscription_and_one_confirmation()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => SignUp(i % 2 == 0 ? "bob@example.org" : "BOB@example.org", check: false)));
        var accepted = outcomes.Where(o => o.Id is not null).ToList();
        Assert.Single(accepted);
        Assert.Equal(49, outcomes.Count(o => o.RetryAfter is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromHours(1)));
        await Smtp.WaitFor(1);
        await Task.Delay(500);
        Assert.Single(Smtp.Received);

        // An hour later, one more confirmation; the third of the day is the last.
        Test.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(accepted[0].Id, (await SignUp("bob@example.org")).Id);
        Test.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(accepted[0].Id, (await SignUp("bob@example.org")).Id);
        Test.Clock.Advance(TimeSpan.FromMinutes(61));
        var fourth = await SignUp("bob@example.org", check: false);
        Assert.Null(fourth.Id);
        Assert.True(fourth.RetryAfter > TimeSpan.FromHours(20));
        Assert.Equal(3, (await Smtp.WaitFor(3)).Count);
    }

    [Fact]
    public async Task A_sign_up_that_is_its_own_consent_is_active_at_once_and_activates_a_pending_one()
    {
        var desk = Grains.GetGrain<ISubscriptionDeskGrain>(0);
        var consented = await desk.SignUp(new SignUp(Territory, SubscriberContact.Email("dora@example.org"), SubscriptionPreferences.Everything, BaseUrl, ConsentGiven: true));
        Assert.Equal(SubscriptionStatus.Active, consented.Status);

        var pending = await SignUp("erin@example.org");
        Assert.Equal(SubscriptionStatus.Pending, pending.Status);
        await Smtp.WaitFor(1);
        var confirmed = await desk.SignUp(new SignUp(Territory, SubscriberContact.Email("erin@example.org"), SubscriptionPreferences.Everything, BaseUrl, ConsentGiven: true));
        Assert.Equal((pending.Id, SubscriptionStatus.Active), (confirmed.Id, confirmed.Status));

        // No confirmation for either, and both are told the next notice.
        var notice = await Publish(Draft());
        var mails = await Smtp.WaitFor(2, m => m.MessageId?.StartsWith($"notice.{notice.Id}.", StringComparison.Ordinal) == true);
        Assert.Equal(["dora@example.org", "erin@example.org"], mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Single(Smtp.Received, m => m.Subject?.Contains("Confirmez", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_pending_subscription_is_deleted_after_24_hours()
    {
        var signUp = await SignUp("carol@example.org");
        var confirmLink = Link((await Smtp.WaitFor(1)).Single(), "/abonnement/confirmer/");
        Assert.True(SubscriptionTokens.TryParse(confirmLink[(confirmLink.LastIndexOf('/') + 1)..], out var id, out var tag));
        var subscription = Grains.GetGrain<ISubscriptionGrain>(id);
        Assert.NotNull(await subscription.Get(TokenPurpose.Confirm, tag));

        await Test.AdvanceUntil(TimeSpan.FromHours(24), async () => await subscription.Get(TokenPurpose.Confirm, tag) is null);
        Assert.False(await subscription.Confirm(tag));

        // The address is free again: a new sign-up is a new subscription.
        var again = await SignUp("carol@example.org");
        Assert.NotEqual(signUp.Id, again.Id);
    }

    [Fact]
    public async Task Notices_go_to_the_communes_sites_and_drills_each_subscriber_chose()
    {
        await Subscribed("tout@example.org", SubscriptionPreferences.Everything);
        await Subscribed("rouen@example.org", SubscriptionPreferences.Everything with { Communes = ["Rouen"] });
        await Subscribed("chimie@example.org", SubscriptionPreferences.Everything with { Sites = ["chimie"] });
        await Subscribed("sans-exercice@example.org", SubscriptionPreferences.Everything with { Drills = false, Language = SubscriberLanguage.English });
        var before = Smtp.Received.Count;

        await Publish(Draft() with { Exercise = true });
        await Smtp.WaitFor(before + 2);
        await Task.Delay(500);
        var drill = Smtp.Received.Skip(before).ToList();
        Assert.Equal(["rouen@example.org", "tout@example.org"], drill.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(drill, m => Assert.StartsWith("EXERCICE – ", m.Subject));

        await Publish(Draft(), site: "chimie");
        await Smtp.WaitFor(before + 5);
        await Task.Delay(500);
        var chimie = Smtp.Received.Skip(before + 2).ToList();
        Assert.Equal(["chimie@example.org", "sans-exercice@example.org", "tout@example.org"], chimie.Select(m => m.To.Mailboxes.Single().Address).Order());
        var english = chimie.Single(m => m.To.Mailboxes.Single().Address == "sans-exercice@example.org");
        Assert.StartsWith("New notice – ", english.Subject);
        Assert.Contains("?lang=en", english.TextBody);

        // Four subscriptions in buckets of three: two buckets, none larger than its bound.
        var index = Grains.GetGrain<ISubscriptionIndexGrain>(Territory);
        Assert.Equal(2, await index.BucketCount());
        Assert.Contains(await index.Counts(), c => c.Channel == SubscriptionChannel.Email && c.Commune == "Rouen" && c.Count == 1);
        Assert.Contains(await index.Counts(), c => c.Channel == SubscriptionChannel.Email && c.Commune == null && c.Count == 3);
    }

    [Fact]
    public async Task A_newer_version_supersedes_what_is_left_of_an_older_one()
    {
        var addresses = Enumerable.Range(0, 6).Select(i => $"abonne{i}@example.org").ToList();
        foreach (var address in addresses)
        {
            await Subscribed(address, SubscriptionPreferences.Everything);
        }

        var before = Smtp.Received.Count;
        Smtp.Hold();
        var notice = await Publish(Draft());

        // The windows in flight are held at the server; the update arrives meanwhile.
        await GrainTestCluster.Eventually(() => Task.FromResult(Smtp.InFlight >= 2));
        await Grains.GetGrain<INoticeGrain>(notice.Id).AddUpdate("La flamme est plus haute.");
        await Task.Delay(500);
        Smtp.Release();

        await Smtp.WaitFor(addresses.Count, m => m.MessageId!.Contains(".v2."));
        await Task.Delay(1000);
        var sent = Smtp.Received.Skip(before).ToList();
        var firstVersion = sent.Where(m => m.MessageId!.Contains(".v1.")).ToList();
        Assert.InRange(firstVersion.Count, 1, 4);
        Assert.Equal(addresses.Count, sent.Count(m => m.MessageId!.Contains(".v2.")));
        foreach (var address in addresses)
        {
            Assert.InRange(sent.Count(m => m.To.Mailboxes.Single().Address == address), 1, 2);
        }

        var counts = (await Grains.GetGrain<INoticeDeliveryGrain>(notice.Id).Counts()).Single();
        Assert.Equal(SubscriptionChannel.Email, counts.Channel);
        Assert.Equal((0, firstVersion.Count + addresses.Count, 0, 0), (counts.ToSend, counts.Sent, counts.Failed, counts.Ended));
    }

    [Fact]
    public async Task A_channel_never_has_more_messages_in_flight_than_its_limit()
    {
        for (var i = 0; i < 9; i++)
        {
            await Subscribed($"limite{i}@example.org", SubscriptionPreferences.Everything);
        }

        var before = Smtp.Received.Count;
        Smtp.Hold();
        await Publish(Draft());
        await GrainTestCluster.Eventually(() => Task.FromResult(Smtp.InFlight >= 2));

        // Three partitions want to send: the silo's limit of two holds them back.
        await Task.Delay(1000);
        Assert.Equal(2, Smtp.InFlight);
        Smtp.Release();
        await Smtp.WaitFor(before + 9);
        Assert.Equal(2, Smtp.MaxInFlight);
    }

    [Fact]
    public async Task A_relay_that_refuses_connections_holds_deliveries_until_it_is_back()
    {
        for (var i = 0; i < 4; i++)
        {
            await Subscribed($"patient{i}@example.org", SubscriptionPreferences.Everything);
        }

        var before = Smtp.Received.Count;
        await Smtp.Stop();
        var notice = await Publish(Draft());
        var delivery = Grains.GetGrain<INoticeDeliveryGrain>(notice.Id);
        await GrainTestCluster.Eventually(async () => (await delivery.Counts()).SingleOrDefault() is { ToSend: 4 });

        // Still waiting, still counted as to send: nothing is lost, nothing counted failed.
        await Task.Delay(500);
        Assert.Equal(4, (await delivery.Counts()).Single().ToSend);

        Smtp.Resume();
        await Test.AdvanceUntil(TimeSpan.FromMinutes(1), async () => (await delivery.Counts()).Single().Sent == 4);
        Assert.Equal(before + 4, (await Smtp.WaitFor(before + 4)).Count);
    }

    [Fact]
    public async Task A_confirmation_the_relay_could_not_take_goes_once_it_is_back_and_only_once()
    {
        await Smtp.Stop();
        var signUp = await SignUp("tardive@example.org");
        Assert.Equal(SubscriptionStatus.Pending, signUp.Status);

        Smtp.Resume();
        await Test.AdvanceUntil(TimeSpan.FromMinutes(1), () => Task.FromResult(Smtp.To("tardive@example.org").Count == 1));
        var confirmation = Smtp.To("tardive@example.org").Single();
        Assert.Contains("Confirmez votre abonnement", confirmation.Subject);
        await Confirm(Link(confirmation, "/abonnement/confirmer/"));

        // Sent is sent: later minutes send nothing more.
        for (var minute = 0; minute < 3; minute++)
        {
            Test.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(200);
        }

        Assert.Single(Smtp.To("tardive@example.org"));
    }

    [Fact]
    public async Task A_recipient_refused_by_the_relay_ends_the_subscription()
    {
        await Subscribed("inconnu@example.org", SubscriptionPreferences.Everything);
        await Subscribed("connu@example.org", SubscriptionPreferences.Everything);
        Smtp.Refuse("inconnu@example.org");
        var notice = await Publish(Draft());
        var delivery = Grains.GetGrain<INoticeDeliveryGrain>(notice.Id);
        await GrainTestCluster.Eventually(async () => (await delivery.Counts()).SingleOrDefault() is { Sent: 1, Ended: 1 });
        await GrainTestCluster.Eventually(async () => (await Grains.GetGrain<ISubscriptionIndexGrain>(Territory).Counts()).Sum(c => c.Count) == 1);
    }

    [Fact]
    public async Task A_withdrawal_is_told_only_to_those_who_were_sent_the_notice()
    {
        await Subscribed("chimie@example.org", SubscriptionPreferences.Everything with { Sites = ["chimie"] });
        var before = Smtp.Received.Count;
        var notice = await Publish(Draft());
        await Grains.GetGrain<INoticeGrain>(notice.Id).Withdraw("Erreur de saisie.");
        await Task.Delay(1000);
        Assert.Equal(before, Smtp.Received.Count);

        var sent = await Publish(Draft() with { Title = "Odeur" }, site: "chimie");
        await Smtp.WaitFor(before + 1);
        await Grains.GetGrain<INoticeGrain>(sent.Id).Withdraw("Erreur de site.");
        var withdrawn = (await Smtp.WaitFor(before + 2)).Last();
        Assert.StartsWith("Avis retiré", withdrawn.Subject);
        Assert.Contains("Erreur de site.", withdrawn.TextBody);
    }

    [Fact]
    public async Task At_night_drills_and_announcements_wait_for_each_subscriber_s_morning_and_an_event_in_progress_goes_at_once()
    {
        await Subscribed("nuit@example.org", SubscriptionPreferences.Everything);
        await Subscribed("insomniaque@example.org", SubscriptionPreferences.Everything with { Quiet = QuietHours.None });
        await Subscribed("leve-tot@example.org", SubscriptionPreferences.Everything with { Quiet = new QuietHours(new TimeOnly(21, 0), new TimeOnly(5, 30)) });

        // From noon to 23:00 in Paris.
        Test.Clock.Advance(TimeSpan.FromHours(11));
        var drill = await Publish(Draft() with { Title = "Essai de sirène", Exercise = true });
        var planned = await Publish(Draft() with { Title = "Torchage programmé", StartsAt = Test.Clock.GetUtcNow().AddHours(11) });
        var fire = await Publish(Draft() with { Title = "Incendie" });
        bool Of(MimeMessage m, NoticeSnapshot notice) => m.MessageId?.StartsWith($"notice.{notice.Id}.", StringComparison.Ordinal) == true;

        // One partition per notice sends to the three in one pass: once the one without quiet hours has all three,
        // the others were held, and only the fire reached them.
        await Smtp.WaitFor(3, m => m.To.Mailboxes.Single().Address == "insomniaque@example.org" && (Of(m, drill) || Of(m, planned) || Of(m, fire)));
        await Smtp.WaitFor(3, m => Of(m, fire));
        Assert.Equal(["Incendie"], NoticeTitles("nuit@example.org"));
        Assert.Equal(["Incendie"], NoticeTitles("leve-tot@example.org"));
        Assert.Equal(new ChannelCounts(SubscriptionChannel.Email, 2, 1, 0, 0), (await Grains.GetGrain<INoticeDeliveryGrain>(drill.Id).Counts()).Single());

        // 05:30: the early riser's morning; 07:00: everyone else's.
        await Test.AdvanceUntil(TimeSpan.FromHours(6.5), () => Task.FromResult(Smtp.To("leve-tot@example.org").Count(m => Of(m, drill) || Of(m, planned)) == 2));
        Assert.InRange(AlloIndustrie.Grains.Interfaces.ParisTime.Of(Test.Clock.GetUtcNow()).TimeOfDay, TimeSpan.FromHours(5.5), TimeSpan.FromHours(7));
        Assert.Equal(["Incendie"], NoticeTitles("nuit@example.org"));
        var untilSeven = AlloIndustrie.Grains.Interfaces.ParisTime.FromLocal(AlloIndustrie.Grains.Interfaces.ParisTime.Of(Test.Clock.GetUtcNow()).Date.AddHours(7)) - Test.Clock.GetUtcNow();
        await Test.AdvanceUntil(untilSeven, () => Task.FromResult(Smtp.To("nuit@example.org").Count(m => Of(m, drill) || Of(m, planned)) == 2));
        Assert.StartsWith("EXERCICE", Smtp.To("nuit@example.org").Single(m => Of(m, drill)).Subject, StringComparison.Ordinal);
        Assert.Equal(new ChannelCounts(SubscriptionChannel.Email, 0, 3, 0, 0), (await Grains.GetGrain<INoticeDeliveryGrain>(drill.Id).Counts()).Single());
    }

    /// <summary>The titles of the notices mailed to <paramref name="address"/>, as their subjects end.</summary>
    private IEnumerable<string> NoticeTitles(string address) => Smtp.To(address)
        .Where(m => m.MessageId?.StartsWith("notice.", StringComparison.Ordinal) == true)
        .Select(m => m.Subject ?? "")
        .Select(subject => subject[(subject.LastIndexOf(" – ", StringComparison.Ordinal) + 3)..]);

    [Fact]
    public async Task A_scheduled_notice_is_announced_then_sent_again_when_it_starts()
    {
        await Subscribed("programme@example.org", SubscriptionPreferences.Everything);
        var before = Smtp.Received.Count;
        var notice = await Publish(Draft() with { StartsAt = Test.Clock.GetUtcNow().AddMinutes(30) });
        await Smtp.WaitFor(before + 1);
        await Test.AdvanceUntil(TimeSpan.FromMinutes(30), () => Task.FromResult(Smtp.Received.Count >= before + 2));
        var started = Smtp.Received.Last();
        Assert.StartsWith("L’événement annoncé a commencé", started.Subject);
        Assert.StartsWith($"notice.{notice.Id}.v2.", started.MessageId);
    }

    private async Task<SignUpOutcome> SignUp(string address, SubscriptionPreferences? preferences = null, bool check = true)
    {
        var outcome = await Grains.GetGrain<ISubscriptionDeskGrain>(0).SignUp(
            new SignUp(Territory, SubscriberContact.Email(address), preferences ?? SubscriptionPreferences.Everything, BaseUrl));
        if (check)
        {
            Assert.Empty(outcome.Errors);
            Assert.NotNull(outcome.Id);
        }

        return outcome;
    }

    /// <summary>Signs up and confirms through the link of the confirmation mail.</summary>
    private async Task Subscribed(string address, SubscriptionPreferences preferences)
    {
        var before = Smtp.To(address).Count;
        await SignUp(address, preferences);
        await Smtp.WaitFor(1, m => m.To.Mailboxes.Any(b => b.Address == address) && Smtp.To(address).Count > before);
        await Confirm(Link(Smtp.To(address).Last(), "/abonnement/confirmer/"));
    }

    private async Task Confirm(string link)
    {
        Assert.True(SubscriptionTokens.TryParse(link[(link.LastIndexOf('/') + 1)..], out var id, out var tag));
        Assert.True(await Grains.GetGrain<ISubscriptionGrain>(id).Confirm(tag));
    }

    private static string Link(MimeMessage mail, string path)
    {
        var text = mail.TextBody ?? "";
        var start = text.IndexOf("http://abonnement.test" + path, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No link to {path} in: {text}");
        var end = text.IndexOfAny([' ', '\r', '\n'], start);
        return text[start..end];
    }

    private async Task<NoticeSnapshot> Publish(NoticeDraft draft, string site = "raffinerie")
    {
        var result = await Grains.GetGrain<ISiteGrain>(SiteKey.Of(Territory, site)).Publish(draft);
        Assert.Null(result.Error);
        return result.Notice!;
    }

    private static NoticeDraft Draft() => new(
        "flare", ["light"], "Torchage en cours", "Une flamme est visible au-dessus de la raffinerie.",
        "Aucune action n’est nécessaire.", false, null, null, null);

    private static SiteSettings Site(string name, ImmutableArray<string> communes) => new(
        name, "Société de test", "1 rue de l’Usine", 49.4, 1.0, communes, null, false);
}
