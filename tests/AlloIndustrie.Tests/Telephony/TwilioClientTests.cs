using AlloIndustrie.Grains.Subscriptions.Channels;
using AlloIndustrie.Grains.Telephony;
using AlloIndustrie.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Xunit;

namespace AlloIndustrie.Tests.Telephony;

/// <summary>The silo's Twilio client against the stand-in over real HTTP: what it sends, and what it makes of each answer.</summary>
public sealed class TwilioClientTests : IAsyncLifetime
{
    private static readonly Uri Callback = new("http://allo.test/sms/status?abonnement=0123");
    private static readonly TwilioSmsSender Service = new("MG00000000000000000000000000000016", null);

    private TwilioStandIn twilio = null!;
    private GrainTestCluster test = null!;

    public async Task InitializeAsync() => twilio = await TwilioStandIn.Start();

    public async Task DisposeAsync()
    {
        if (test is not null)
        {
            await test.DisposeAsync();
        }

        await twilio.DisposeAsync();
    }

    [Fact]
    public async Task A_message_is_posted_form_encoded_with_basic_authentication_and_its_status_callback()
    {
        var client = await Client();
        var answer = await client.SendMessage(Service, "+33612345678", "Torchage en cours à la raffinerie.", Callback, CancellationToken.None);

        Assert.True(answer.Accepted, answer.Error);
        Assert.Equal(SendResult.Sent, answer.Outcome().Result);
        var sent = Assert.Single(twilio.Messages);
        Assert.Equal(sent.Sid, answer.Sid);
        Assert.StartsWith("SM", answer.Sid);
        Assert.Equal("accepted", answer.Status);
        Assert.Equal(1, answer.Segments);
        Assert.Equal(("+33612345678", "MG00000000000000000000000000000016", "Torchage en cours à la raffinerie.", Callback.AbsoluteUri), (sent.To, sent.MessagingServiceSid, sent.Body, sent.StatusCallback));
        Assert.Null(sent.From);
        Assert.Empty(twilio.Refused);

        // One sender instead of a Messaging Service.
        Assert.True((await client.SendMessage(new TwilioSmsSender(null, "+33700000016"), "+33612345679", "Essai", Callback, CancellationToken.None)).Accepted);
        Assert.Equal("+33700000016", twilio.Messages.Last().From);
    }

    [Fact]
    public async Task An_api_key_authenticates_instead_of_the_auth_token_and_a_wrong_secret_is_refused()
    {
        var client = await Client(new()
        {
            ["Allo:Twilio:AuthToken"] = "pas-le-bon-jeton",
            ["Allo:Twilio:ApiKeySid"] = TwilioStandIn.ApiKeySid,
            ["Allo:Twilio:ApiKeySecret"] = TwilioStandIn.ApiKeySecret,
        });
        Assert.True((await client.SendMessage(Service, "+33612345678", "Essai", Callback, CancellationToken.None)).Accepted);

        var wrong = await Client(new() { ["Allo:Twilio:AuthToken"] = "pas-le-bon-jeton" }, restart: true);
        var refused = await wrong.SendMessage(Service, "+33612345678", "Essai", Callback, CancellationToken.None);
        Assert.Equal((401, 20003), (refused.HttpStatus, refused.ErrorCode));

        // The deployment's credentials are at fault, not the subscriber: the channel waits, nobody is unsubscribed.
        Assert.Equal(SendResult.RetryLater, refused.Outcome().Result);
        Assert.Single(twilio.Messages);
    }

    [Fact]
    public async Task A_503_or_a_short_429_is_tried_again_inside_the_request()
    {
        var client = await Client();
        twilio.Answer((503, 20500, null), (429, 20429, 1));
        var answer = await client.SendMessage(Service, "+33612345678", "Essai", Callback, CancellationToken.None);
        Assert.True(answer.Accepted, answer.Error);
        Assert.Equal(3, twilio.Requests);
        Assert.Single(twilio.Messages);
    }

    [Fact]
    public async Task A_long_retry_after_is_left_to_the_delivery_and_persistent_5xx_end_in_retry_later()
    {
        var client = await Client();
        twilio.Answer((429, 20429, 120));
        var slowDown = await client.SendMessage(Service, "+33612345678", "Essai", Callback, CancellationToken.None);
        Assert.Equal(1, twilio.Requests);
        var outcome = slowDown.Outcome();
        Assert.Equal((SendResult.RetryLater, TimeSpan.FromSeconds(120)), (outcome.Result, outcome.After));

        twilio.Answer((503, 20500, null), (503, 20500, null), (503, 20500, null));
        var unavailable = await client.SendMessage(Service, "+33612345678", "Essai", Callback, CancellationToken.None);
        Assert.Equal(4, twilio.Requests);
        Assert.Equal((503, SendResult.RetryLater), (unavailable.HttpStatus, unavailable.Outcome().Result));
        Assert.Empty(twilio.Messages);
    }

    [Theory]
    [InlineData(21610, SendResult.Ended)]
    [InlineData(21211, SendResult.Ended)]
    [InlineData(21614, SendResult.Ended)]
    [InlineData(21612, SendResult.Ended)]
    [InlineData(21408, SendResult.RetryLater)]
    [InlineData(21606, SendResult.RetryLater)]
    [InlineData(21617, SendResult.Failed)]
    public async Task Twilio_s_error_codes_end_the_subscription_wait_or_fail_one_message(int code, SendResult expected)
    {
        var client = await Client();
        twilio.Refuse("+33612345678", code);
        var answer = await client.SendMessage(Service, "+33612345678", "Essai", Callback, CancellationToken.None);
        Assert.Equal((400, code), (answer.HttpStatus, answer.ErrorCode));
        Assert.Equal(expected, answer.Outcome().Result);
        Assert.Equal(1, twilio.Requests);
    }

    [Fact]
    public async Task An_unreachable_api_is_tried_again_then_left_to_the_delivery()
    {
        var port = Processes.RunningService.FreePort();
        var client = await Client(new() { ["Allo:Twilio:ApiBaseUrl"] = $"http://127.0.0.1:{port}/" });
        var answer = await client.SendMessage(Service, "+33612345678", "Essai", Callback, CancellationToken.None);
        Assert.Null(answer.HttpStatus);
        Assert.Equal(SendResult.RetryLater, answer.Outcome().Result);
    }

    [Fact]
    public async Task A_call_names_its_twiml_its_status_callback_and_the_parameters_given()
    {
        var client = await Client();
        var answer = await client.PlaceCall(
            "+33235000000",
            "+33235123456",
            new Uri("http://allo.test/voice/appel?abonnement=0123"),
            new Uri("http://allo.test/voice/appel/statut"),
            [new("StatusCallbackEvent", "answered"), new("StatusCallbackEvent", "completed"), new("MachineDetection", "Enable")],
            CancellationToken.None);
        Assert.True(answer.Accepted, answer.Error);
        Assert.StartsWith("CA", answer.Sid);
        var call = Assert.Single(twilio.Calls);
        Assert.Equal(("+33235123456", "+33235000000", "http://allo.test/voice/appel?abonnement=0123", "http://allo.test/voice/appel/statut"), (call.To, call.From, call.Url, call.StatusCallback));
        Assert.Equal(["answered", "completed"], call.Parameters["StatusCallbackEvent"]);
        Assert.Equal(["POST"], call.Parameters["Method"]);
        Assert.Equal(["Enable"], call.Parameters["MachineDetection"]);

        twilio.Refuse("+33235123457", 21217);
        var invalid = await client.PlaceCall("+33235000000", "+33235123457", new Uri("http://allo.test/voice/appel"), new Uri("http://allo.test/voice/appel/statut"), [], CancellationToken.None);
        Assert.Equal(SendResult.Ended, invalid.Outcome().Result);
    }

    private async Task<TwilioClient> Client(Dictionary<string, string?>? more = null, bool restart = false)
    {
        if (restart && test is not null)
        {
            await test.DisposeAsync();
            test = null!;
        }

        var settings = twilio.Configuration();
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        test = await GrainTestCluster.Start(silo => silo.AddMemoryGrainStorage(AlloIndustrie.Grains.StorageNames.Grains).UseInMemoryReminderService(), settings);
        return test.Cluster.GetSiloServiceProvider(test.Cluster.Silos[0].SiloAddress).GetRequiredService<TwilioClient>();
    }
}
