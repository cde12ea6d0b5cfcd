using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlloIndustrie.Tests.Processes;
using AlloIndustrie.Tests.Subscriptions;
using Xunit;

namespace AlloIndustrie.Tests.Telephony;

/// <summary>
/// One running service (real silo and web front on SQLite) whose SMS go to the Twilio stand-in in the test process,
/// which posts its signed status callbacks and incoming messages back to the web front. Each test speaks from its
/// own client address (a forwarded one, believed from loopback), so that the per-client limits of one do not touch
/// the others.
/// </summary>
public sealed partial class TelephonyFixture : IAsyncLifetime
{
    public const string Territory = "rouen-metropole";
    public const string Site = "depot-rouen-port";
    public const int CodesPerClientPerDay = 3;

    private int clients;

    public TwilioStandIn Twilio { get; private set; } = null!;

    public RunningService Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Twilio = await TwilioStandIn.Start();
        var settings = Twilio.Environment();
        settings["Allo__Reports__ProofBits"] = SubscriptionsFixture.ProofBits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Allo__Reports__FormDelay"] = "00:00:01";
        settings["Allo__Subscriptions__BackOff"] = "00:00:01";
        settings["Allo__Subscriptions__MaxBackOff"] = "00:00:02";
        settings["Allo__Subscriptions__ChallengesPerClientPerHour"] = "500";

        // Far above a territory's rates: only the territory's own pace spaces its SMS and calls.
        settings["Allo__Subscriptions__Channels__Sms__MaxConcurrency"] = "16";
        settings["Allo__Subscriptions__Channels__Sms__PerSecond"] = "100";
        settings["Allo__Subscriptions__Channels__Voice__MaxConcurrency"] = "16";
        settings["Allo__Subscriptions__Channels__Voice__PerSecond"] = "100";
        settings["Allo__Subscriptions__PerClientPerHour"] = "500";
        settings["Allo__Subscriptions__CodesPerClientPerDay"] = CodesPerClientPerDay.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Service = new RunningService(settings);
        await Service.Start();
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Twilio.DisposeAsync();
    }

    /// <summary>A client of the web front from an address of its own.</summary>
    public HttpClient NewClient()
    {
        var client = new HttpClient { BaseAddress = Service.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{Interlocked.Increment(ref clients)}");
        return client;
    }

    /// <summary>The web front's URL of <paramref name="path"/>, as Twilio is told it.</summary>
    public Uri Url(string path) => new(Service.BaseAddress, path);

    /// <summary>Signs a number up for SMS through the JSON API.</summary>
    public static async Task<HttpResponseMessage> SignUp(HttpClient client, string phone, object? more = null)
    {
        var (challenge, nonce) = await SubscriptionClient.Proof(client, Territory);
        var body = new JsonObject { ["channel"] = "sms", ["phone"] = phone, ["challenge"] = challenge, ["nonce"] = nonce };
        foreach (var (key, value) in more is null ? [] : System.Text.Json.JsonSerializer.SerializeToNode(more)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }

        return await client.PostAsJsonAsync($"api/v1/territories/{Territory}/subscriptions", body);
    }

    /// <summary>The code of the last confirmation SMS <paramref name="e164"/> got.</summary>
    public async Task<string> Code(string e164, int count = 1)
    {
        var sms = (await Twilio.WaitFor(count, m => m.To == e164 && m.Body.Contains("code", StringComparison.Ordinal))).Last();
        return SixDigits().Match(sms.Body).Value;
    }

    /// <summary>Signs up and confirms with the code of the SMS, as a resident does; the subscription's id.</summary>
    public async Task<string> Subscribed(HttpClient client, string typed, string e164, object? more = null)
    {
        var signUp = await SignUp(client, typed, more);
        Assert.Equal(HttpStatusCode.Accepted, signUp.StatusCode);
        var id = (await signUp.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var confirmed = await client.PostAsJsonAsync($"api/v1/subscriptions/{id}/confirm", new { code = await Code(e164) });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        return id;
    }

    [GeneratedRegex(@"\b[0-9]{6}\b")]
    private static partial Regex SixDigits();
}

[CollectionDefinition(Name)]
public sealed class TelephonyCollection : ICollectionFixture<TelephonyFixture>
{
    public const string Name = "Telephony";
}
