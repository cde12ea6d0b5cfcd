using System.Net;
using AlloIndustrie.Tests.Processes;
using Xunit;
using static AlloIndustrie.Tests.Subscriptions.SubscriptionClient;

namespace AlloIndustrie.Tests.Subscriptions;

/// <summary>
/// SIGKILL of the silo or the web front in the middle of a delivery to 1,000 e-mail subscriptions in four partitions, with
/// real processes: after the restart everyone gets the notice, and only the messages in flight at a silo's kill may arrive
/// twice (at most one in-flight window per partition).
/// </summary>
public sealed class SubscriptionCrashTests : IAsyncLifetime
{
    private const string Territory = "rouen-metropole";
    private const string Site = "depot-rouen-port";
    private const int Subscribers = 1000;
    private const int BucketSize = 250;
    private const int InFlightWindow = 20;

    private readonly SmtpTestServer smtp = SmtpTestServer.Start();
    private RunningService service = null!;

    public async Task InitializeAsync()
    {
        service = new RunningService(SubscriptionsFixture.Settings(smtp, new Dictionary<string, string>
        {
            ["Allo__Subscriptions__ChallengesPerClientPerHour"] = "10000",
            ["Allo__Subscriptions__PerClientPerHour"] = "10000",
            ["Allo__Api__PublicRequestsPerAddressPerMinute"] = "100000",
            ["Allo__Subscriptions__BucketSize"] = BucketSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Allo__Subscriptions__InFlightWindow"] = InFlightWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // Slow enough that the kill lands in the middle of the delivery.
            ["Allo__Subscriptions__Channels__Email__PerSecond"] = "100",
        }));
        await service.Start();
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public Task After_a_SIGKILL_of_the_silo_mid_delivery_every_subscriber_gets_the_notice_and_only_the_in_flight_window_twice() =>
        Deliver(kill: () => service.KillSilo(0), mostTwice: Subscribers / BucketSize * InFlightWindow);

    // The delivery runs in the silo: a web front that dies with it (the one the operator published on) changes nothing.
    [Fact]
    public Task After_a_SIGKILL_of_the_web_front_mid_delivery_every_subscriber_gets_the_notice_once() =>
        Deliver(kill: () => service.KillWebFront(0), mostTwice: 0);

    private async Task Deliver(Action kill, int mostTwice)
    {
        var addresses = Enumerable.Range(0, Subscribers).Select(i => $"abonne{i:D4}@example.org").ToList();
        await Parallel.ForEachAsync(addresses, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (address, _) =>
            Assert.Equal(HttpStatusCode.Accepted, (await SignUp(service.Http, Territory, address)).StatusCode));
        var confirmations = await smtp.WaitFor(Subscribers);
        await Parallel.ForEachAsync(confirmations, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (mail, _) =>
            Assert.Equal(HttpStatusCode.OK, (await service.Http.PostAsync(Link(mail, "/abonnement/confirmer/"), new FormUrlEncodedContent([]))).StatusCode));

        var id = await Publish(service.Operator(Territory, Site), Territory, Site, "Torchage pour tous");
        bool IsNotice(MimeKit.MimeMessage m) => m.MessageId?.StartsWith($"notice.{id}.", StringComparison.Ordinal) == true;
        await smtp.WaitFor(Subscribers / 5, IsNotice);
        kill();
        var atKill = smtp.Received.Count(IsNotice);
        Assert.True(atKill < Subscribers, "The delivery was over before the kill: nothing was tested.");

        await service.Start();
        int Reached() => smtp.Received.Where(IsNotice).Select(m => m.To.Mailboxes.Single().Address).Distinct().Count();
        await Polling.Eventually("every subscriber to get the notice", TimeSpan.FromMinutes(4), () => Task.FromResult(Reached() >= Subscribers),
            () => $"{Reached()} of {Subscribers} subscribers got the notice.");

        await Task.Delay(2000);
        var perAddress = smtp.Received.Where(IsNotice).GroupBy(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(Subscribers, perAddress.Count);
        var twice = perAddress.Count(g => g.Count() > 1);
        Assert.True(twice <= mostTwice, $"{twice} subscribers got the notice twice.");
        Assert.All(perAddress, g => Assert.InRange(g.Count(), 1, 2));
    }
}
