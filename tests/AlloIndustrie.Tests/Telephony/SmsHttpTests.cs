using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AlloIndustrie.Grains.Interfaces.Telephony;
using Xunit;
using static AlloIndustrie.Tests.Subscriptions.SubscriptionClient;
using static AlloIndustrie.Tests.Telephony.TelephonyFixture;

namespace AlloIndustrie.Tests.Telephony;

/// <summary>
/// SMS subscriptions over real HTTP, as a resident and Twilio use them: sign-up with a number as French people type
/// it, the code by SMS, notices in at most two segments, STOP, status callbacks, and webhooks refused unsigned.
/// </summary>
[Collection(TelephonyCollection.Name)]
public sealed class SmsHttpTests(TelephonyFixture fixture)
{
    private TwilioStandIn Twilio => fixture.Twilio;

    [Fact]
    public async Task A_number_typed_the_french_way_gets_a_code_then_notices_with_a_short_link_and_how_to_stop()
    {
        using var client = fixture.NewClient();
        var signUp = await SignUp(client, "06 12 34 00 01", new { communes = new[] { "Rouen" } });
        Assert.Equal(HttpStatusCode.Accepted, signUp.StatusCode);
        var body = (await signUp.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("pending", body["status"]!.GetValue<string>());
        var id = body["id"]!.GetValue<string>();

        var confirmation = (await Twilio.WaitFor(1, m => m.To == "+33612340001")).Single();
        Assert.Equal("MG00000000000000000000000000000016", confirmation.MessagingServiceSid);
        Assert.Equal(fixture.Url($"/sms/status?abonnement={id}").AbsoluteUri, confirmation.StatusCallback);
        var code = await fixture.Code("+33612340001");

        // Nothing reaches a pending number.
        var operatorClient = fixture.Service.Operator(Territory, Site);
        await Publish(operatorClient, Territory, Site, "Torchage avant le code");

        var wrong = await client.PostAsJsonAsync($"api/v1/subscriptions/{id}/confirm", new { code = code == "000000" ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("4 essai", (await wrong.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["code"]!.ToJsonString());
        var right = await client.PostAsJsonAsync($"api/v1/subscriptions/{id}/confirm", new { code });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var active = (await right.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("active", id), (active["status"]!.GetValue<string>(), active["id"]!.GetValue<string>()));
        Assert.Contains("/abonnement/gerer/", active["manageUrl"]!.GetValue<string>());

        // Not a drill: drills wait out the subscriber's quiet hours, which the test's time of day may be in.
        var notice = await Publish(operatorClient, Territory, Site, "Torchage après le code");
        var sms = (await Twilio.WaitFor(1, m => m.To == "+33612340001" && m.Body.Contains("après le code", StringComparison.Ordinal))).Single();
        Assert.StartsWith("Torchage après le code - Dépôt", sms.Body);
        Assert.EndsWith("Répondez STOP pour vous désabonner.", sms.Body);
        Assert.InRange(sms.Segments, 1, 2);
        Assert.Equal(SmsSegments.Measure(sms.Body).Segments, sms.Segments);
        Assert.DoesNotContain(Twilio.To("+33612340001"), m => m.Body.Contains("avant le code", StringComparison.Ordinal));

        // The short link leads to the notice's page.
        var link = fixture.Url($"/n/{TelephonyRoutes.ShortCode(notice)}").AbsoluteUri;
        Assert.Contains(link, sms.Body);
        using var noRedirect = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var redirect = await noRedirect.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal($"/{Territory}/notices/{notice}", redirect.Headers.Location!.OriginalString);

        // Twilio's callbacks for it were signed and taken.
        await Twilio.CallbacksDone();
        Assert.Contains(Twilio.CallbackAnswers, a => a.Url.Contains(id, StringComparison.Ordinal) && a.Status == "delivered" && a.Answer == HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Five_wrong_codes_delete_the_pending_subscription()
    {
        using var client = fixture.NewClient();
        var signUp = await SignUp(client, "+33 (0)6 12 34 00 02");
        var id = (await signUp.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var code = await fixture.Code("+33612340002");
        var wrong = code == "999999" ? "888888" : "999999";
        for (var left = 4; left >= 1; left--)
        {
            var answer = await client.PostAsJsonAsync($"api/v1/subscriptions/{id}/confirm", new { code = wrong });
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        }

        var last = await client.PostAsJsonAsync($"api/v1/subscriptions/{id}/confirm", new { code = wrong });
        Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
        Assert.Contains("supprim", (await last.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["code"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"api/v1/subscriptions/{id}/confirm", new { code })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"api/v1/subscriptions/{id}/confirm", new { code = "12 34" })).StatusCode);
    }

    [Theory]
    [InlineData("08 99 12 34 56", "surtaxés")]
    [InlineData("0812345678", "surtaxés")]
    [InlineData("0805760001", "spéciaux")]
    [InlineData("36 30", "courts")]
    [InlineData("+44 7700 900123", "français")]
    [InlineData("02 35 12 34 56", "portable")]
    [InlineData("06 12 34 56", "valable")]
    [InlineData("06 12 34 56 78\u0007", "valable")]
    public async Task A_number_that_cannot_take_sms_is_refused_in_french_and_nothing_is_sent(string typed, string expected)
    {
        using var client = fixture.NewClient();
        var before = Twilio.Requests;
        var response = await SignUp(client, typed);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["phone"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(before, Twilio.Requests);
    }

    [Fact]
    public async Task A_number_gets_a_code_at_most_every_two_minutes_and_a_client_few_codes_a_day()
    {
        using var client = fixture.NewClient();
        Assert.Equal(HttpStatusCode.Accepted, (await SignUp(client, "0033 6 12 34 00 03")).StatusCode);
        var again = await SignUp(client, "06.12.34.00.03");
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.InRange(again.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 120);
        Assert.Single(Twilio.To("+33612340003"));

        // One client, other numbers: the client's codes of the day run out (three, of which two were spent above).
        Assert.Equal(HttpStatusCode.Accepted, (await SignUp(client, "06 12 34 00 04")).StatusCode);
        var beyond = await SignUp(client, "06 12 34 00 05");
        Assert.Equal(HttpStatusCode.TooManyRequests, beyond.StatusCode);
        Assert.Empty(Twilio.To("+33612340005"));
    }

    [Fact]
    public async Task Stop_in_any_case_and_accents_ends_every_sms_subscription_of_the_number_and_is_confirmed()
    {
        using var client = fixture.NewClient();
        await fixture.Subscribed(client, "06 12 34 00 06", "+33612340006");
        var incoming = fixture.Url("/sms/incoming");

        var help = await Twilio.Incoming(incoming, "+33612340006", "+33700000016", "Merci pour l'info");
        Assert.Equal(HttpStatusCode.OK, help.Status);
        Assert.Contains("répondez STOP", XDocument.Parse(help.Body).Root!.Element("Message")!.Value);

        var stop = await Twilio.Incoming(incoming, "+33612340006", "+33700000016", "  Arrêt ! ");
        Assert.Equal(HttpStatusCode.OK, stop.Status);
        Assert.Contains("désabonné", XDocument.Parse(stop.Body).Root!.Element("Message")!.Value);

        var before = Twilio.To("+33612340006").Count;
        await Publish(fixture.Service.Operator(Territory, Site), Territory, Site, "Torchage après STOP");
        using var other = fixture.NewClient();
        await fixture.Subscribed(other, "06 12 34 00 07", "+33612340007");
        await Publish(fixture.Service.Operator(Territory, Site), Territory, Site, "Torchage pour le témoin");
        await Twilio.WaitFor(1, m => m.To == "+33612340007" && m.Body.Contains("témoin", StringComparison.Ordinal));
        Assert.Equal(before, Twilio.To("+33612340006").Count);

        // A second STOP, from a number with nothing left, gets the same answer.
        Assert.Equal(stop.Body, (await Twilio.Incoming(incoming, "+33612340006", "+33700000016", "stop")).Body);
    }

    [Fact]
    public async Task Webhooks_without_a_valid_signature_are_refused_and_change_nothing()
    {
        using var client = fixture.NewClient();
        var id = await fixture.Subscribed(client, "06 12 34 00 08", "+33612340008");
        var forged = await Twilio.Incoming(fixture.Url("/sms/incoming"), "+33612340008", "+33700000016", "STOP", authToken: "pas-le-jeton");
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        using var unsigned = new HttpClient();
        var bare = await unsigned.PostAsync(fixture.Url("/sms/incoming"), new FormUrlEncodedContent(new Dictionary<string, string> { ["From"] = "+33612340008", ["Body"] = "STOP" }));
        Assert.Equal(HttpStatusCode.Forbidden, bare.StatusCode);
        var status = await Twilio.PostSigned(fixture.Url($"/sms/status?abonnement={id}"), new Dictionary<string, string> { ["MessageStatus"] = "undelivered", ["ErrorCode"] = "30005" }, authToken: "pas-le-jeton");
        Assert.Equal(HttpStatusCode.Forbidden, status.Status);

        await Publish(fixture.Service.Operator(Territory, Site), Territory, Site, "Torchage malgré les faux");
        await Twilio.WaitFor(1, m => m.To == "+33612340008" && m.Body.Contains("malgré les faux", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_delivery_twilio_reports_failed_for_good_ends_the_subscription()
    {
        using var client = fixture.NewClient();
        await fixture.Subscribed(client, "07 12 34 00 09", "+33712340009");
        Twilio.FailDelivery("+33712340009", "undelivered", 30005);
        await Publish(fixture.Service.Operator(Territory, Site), Territory, Site, "Torchage injoignable");
        await Twilio.WaitFor(1, m => m.To == "+33712340009" && m.Body.Contains("injoignable", StringComparison.Ordinal));
        await Twilio.CallbacksDone();

        await Polling.Eventually("the next notice to skip the number", TimeSpan.FromSeconds(30), async () =>
        {
            var title = $"Torchage suivant {Guid.NewGuid():N}"[..30];
            await Publish(fixture.Service.Operator(Territory, Site), Territory, Site, title);
            await Task.Delay(1500);
            return !Twilio.To("+33712340009").Any(m => m.Body.Contains(title, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Error_21610_at_sending_ends_the_subscription()
    {
        using var client = fixture.NewClient();
        await fixture.Subscribed(client, "06 12 34 00 10", "+33612340010");
        Twilio.Refuse("+33612340010", 21610);
        var before = Twilio.Requests;
        await Publish(fixture.Service.Operator(Territory, Site), Territory, Site, "Torchage refusé");
        await Polling.Eventually("Twilio to refuse the message", TimeSpan.FromSeconds(30), () => Task.FromResult(Twilio.Refused.Any(r => r.Contains("21610", StringComparison.Ordinal))));
        var refusals = Twilio.Refused.Count(r => r.Contains("21610", StringComparison.Ordinal));

        await Publish(fixture.Service.Operator(Territory, Site), Territory, Site, "Torchage après le refus");
        await Task.Delay(3000);
        Assert.Equal(refusals, Twilio.Refused.Count(r => r.Contains("21610", StringComparison.Ordinal)));
        Assert.True(Twilio.Requests > before);
        Assert.DoesNotContain(Twilio.Messages, m => m.To == "+33612340010" && m.Body.Contains("après le refus", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_landline_signs_up_for_calls_and_its_code_is_called_through_but_not_for_sms()
    {
        using var client = fixture.NewClient();
        var (challenge, nonce) = await Proof(client, Territory);
        var voice = await client.PostAsJsonAsync($"api/v1/territories/{Territory}/subscriptions", new { channel = "voice", phone = "02 35 12 00 11", challenge, nonce });
        Assert.Equal(HttpStatusCode.Accepted, voice.StatusCode);
        await Polling.Eventually("the confirmation call", TimeSpan.FromSeconds(30), () => Task.FromResult(Twilio.Calls.Any(c => c.To == "+33235120011")));
        Assert.Empty(Twilio.To("+33235120011"));

        var sms = await SignUp(client, "02 35 12 00 12");
        Assert.Equal(HttpStatusCode.BadRequest, sms.StatusCode);
    }
}
