using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlloIndustrie.Tests.Dashboard;
using AlloIndustrie.Tests.Processes;
using AlloIndustrie.Tests.Subscriptions;
using Xunit;
using static AlloIndustrie.Tests.Subscriptions.SubscriptionClient;

namespace AlloIndustrie.Tests.Telephony;

/// <summary>
/// SIGKILL of the silo in the middle of a run of calls to voice subscribers, with real processes and the Twilio stand-in:
/// after the restart on the same data every subscriber has been called about the notice, and only the calls in flight
/// at the kill may have gone twice.
/// </summary>
public sealed partial class CallOutCrashTests : IAsyncLifetime
{
    private const string Territory = "rouen-metropole";
    private const string Site = "depot-rouen-port";
    private const int Subscribers = 12;

    // At most this many calls are being placed at once on the silo, hence at most this many in flight at the kill.
    private const int MaxConcurrency = 2;

    // More than the subscribers: the whole run is one window, never stored as done before the kill, so the resumed
    // delivery hands every subscriber over again and only the call-outs' own records keep them from a second call.
    private const int InFlightWindow = 20;

    private TwilioStandIn twilio = null!;
    private RunningService service = null!;

    public async Task InitializeAsync()
    {
        twilio = await TwilioStandIn.Start();
        var settings = twilio.Environment();
        settings["Allo__Reports__ProofBits"] = SubscriptionsFixture.ProofBits.ToString(CultureInfo.InvariantCulture);
        settings["Allo__Subscriptions__ChallengesPerClientPerHour"] = "1000";
        settings["Allo__Subscriptions__PerClientPerHour"] = "1000";
        settings["Allo__Subscriptions__CodesPerClientPerDay"] = "1000";
        settings["Allo__Api__PublicRequestsPerAddressPerMinute"] = "100000";
        settings["Allo__Subscriptions__InFlightWindow"] = InFlightWindow.ToString(CultureInfo.InvariantCulture);
        settings["Allo__Subscriptions__Channels__Voice__MaxConcurrency"] = MaxConcurrency.ToString(CultureInfo.InvariantCulture);
        settings["Allo__Subscriptions__Channels__Voice__PerSecond"] = "100";
        service = new RunningService(settings);
        await service.Start();
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await twilio.DisposeAsync();
    }

    [Fact]
    public async Task After_a_SIGKILL_of_the_silo_mid_run_every_voice_subscriber_is_called_once_but_the_calls_in_flight()
    {
        var numbers = Enumerable.Range(0, Subscribers).Select(i => $"+332354000{i:D2}").ToList();
        await Parallel.ForEachAsync(numbers, new ParallelOptions { MaxDegreeOfParallelism = Subscribers }, async (number, _) => await Subscribe(number));

        // The territory's rate, one call a second by default, makes the run last about as many seconds as there are subscribers.
        var id = await Publish(service.Operator(Territory, Site), Territory, Site, "Torchage appelé");
        List<PlacedCall> CallsAbout() => [.. twilio.Calls.Where(c => c.Url.Contains($"&n={id}&", StringComparison.Ordinal))];
        await Polling.Eventually("a third of the calls", TimeSpan.FromSeconds(60), () => Task.FromResult(CallsAbout().Count >= Subscribers / 3));
        service.KillSilo(0);
        var atKill = CallsAbout().Count;
        Assert.True(atKill < Subscribers, "The run was over before the kill: nothing was tested.");

        await service.Start();
        await Polling.Eventually(
            "every subscriber to be called",
            TimeSpan.FromMinutes(4),
            () => Task.FromResult(CallsAbout().Select(c => c.To).Distinct().Count() == Subscribers),
            () => $"{CallsAbout().Select(c => c.To).Distinct().Count()} of {Subscribers} called.\n{service.Logs}");

        // The delivery says it is over: no call is left to come.
        var admin = service.Credentials.TerritoryAdmins.First(a => a.Territory == Territory);
        using var session = await DashboardSession.SignIn(service.BaseAddress, admin.Email, admin.Password);
        await Polling.Eventually("the delivery to be over", TimeSpan.FromSeconds(60), async () =>
            VoiceRow().Match(await session.Html($"tableau-de-bord/notices/{id}")) is { Success: true } row
            && row.Groups["toSend"].Value == "0" && row.Groups["sent"].Value == Subscribers.ToString(CultureInfo.InvariantCulture));

        var perNumber = CallsAbout().GroupBy(c => c.To).ToList();
        Assert.Equal(numbers.Order(), perNumber.Select(g => g.Key).Order());
        Assert.All(perNumber, g => Assert.InRange(g.Count(), 1, 2));
        var twice = perNumber.Count(g => g.Count() > 1);
        Assert.True(twice <= MaxConcurrency, $"{twice} subscribers were called twice ({atKill} called before the kill).");
    }

    /// <summary>Signs a landline up for calls and confirms it with the code its confirmation call says, as a resident does.</summary>
    private async Task Subscribe(string number)
    {
        var typed = $"0{number[3]} {number[4..6]} {number[6..8]} {number[8..10]} {number[10..]}";
        var (challenge, nonce) = await Proof(service.Http, Territory);
        var signUp = await service.Http.PostAsJsonAsync(
            $"api/v1/territories/{Territory}/subscriptions", new { channel = "voice", phone = typed, challenge, nonce });
        Assert.Equal(HttpStatusCode.Accepted, signUp.StatusCode);
        var id = (await signUp.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        PlacedCall? confirmation = null;
        await Polling.Eventually($"the confirmation call to {number}", TimeSpan.FromSeconds(60), () =>
            Task.FromResult((confirmation = twilio.Calls.FirstOrDefault(c => c.To == number && c.Parameters.ContainsKey("Twiml"))) is not null));
        var said = SaidCode().Match(confirmation!.Parameters["Twiml"].Single());
        Assert.True(said.Success, "No code said in the confirmation call.");
        var confirmed = await service.Http.PostAsJsonAsync($"api/v1/subscriptions/{id}/confirm", new { code = said.Value.Replace(", ", "", StringComparison.Ordinal) });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    [GeneratedRegex("[0-9](, [0-9]){5}")]
    private static partial Regex SaidCode();

    [GeneratedRegex("<tr><td>Appel vocal</td><td>(?<toSend>[0-9]+)</td><td>(?<sent>[0-9]+)</td>")]
    private static partial Regex VoiceRow();
}
