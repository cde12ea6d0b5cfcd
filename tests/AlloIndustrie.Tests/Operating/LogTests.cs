using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AlloIndustrie.Grains.Interfaces.Reports;
using AlloIndustrie.Tests.Dashboard;
using AlloIndustrie.Tests.Reports;
using AlloIndustrie.Tests.Telephony;
using AlloIndustrie.Tests.Voice;
using Xunit;

namespace AlloIndustrie.Tests.Operating;

/// <summary>
/// What the logs of both real processes hold, at the most verbose level, after the service has been used the way
/// residents, callers, subscribers and operators use it: no personal data nor secret, and a trace id on each request's lines.
/// </summary>
[Collection(OperatingCollection.Name)]
public sealed partial class LogTests(OperatingFixture fixture)
{
    private const string Rouen = "rouen-metropole";
    private const string Site = "raffinerie-petit-couronne";
    private const string Caller = "+33612345678";

    [Fact]
    public async Task No_address_phone_number_key_position_or_report_text_reaches_the_logs()
    {
        var service = fixture.Service;
        var secrets = new List<string>();

        // An operator's system publishes with its key.
        var key = service.Credentials.ApiKeys[$"{Rouen}/{Site}"];
        secrets.Add(key);
        secrets.Add(key[(key.LastIndexOf('_') + 1)..]);
        var noticeId = await ReportClient.Publish(service, Rouen, Site, "odour", ["odour"], "Odeur d’hydrocarbures");

        // Administrators sign in to the dashboard with their e-mail address and look at the notice.
        var admin = service.Credentials.TerritoryAdmins.First(a => a.Territory == Rouen);
        secrets.Add(admin.Email);
        secrets.Add(admin.Password);
        using (var session = await DashboardSession.SignIn(service.BaseAddress, admin.Email, admin.Password))
        {
            Assert.Equal(HttpStatusCode.OK, (await session.Get($"tableau-de-bord/notices/{noticeId}")).StatusCode);
        }

        // A resident calls, hears the notice, then reports an odour by phone (key 4, then 1); Twilio sends the caller's number.
        secrets.Add(Caller);
        secrets.Add(Caller.TrimStart('+'));
        secrets.Add(service.Credentials.TwilioAuthToken);
        secrets.Add(TwilioStandIn.AuthToken);
        var twilio = new TwilioWebhooks(service.Http, service.BaseAddress.ToString().TrimEnd('/'), TwilioStandIn.AuthToken);
        var call = TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), "+33805760001");
        Assert.Equal(Caller, call["From"]);
        var answer = await twilio.Post("/voice/incoming", call);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var menu = await twilio.Follow(answer.Action!, call, "4");
        Assert.Equal(HttpStatusCode.OK, (await twilio.Follow(menu.Action!, call, "1")).Status);
        Assert.True((await twilio.Post("/voice/status", new Dictionary<string, string>(call) { ["CallStatus"] = "completed", ["CallDuration"] = "42" })).Status is HttpStatusCode.OK or HttpStatusCode.NoContent);

        // A resident reports from the page with a text, and another from their position.
        const string text = "Odeur forte rue Jeanne-d’Arc, mon voisin Paul Martin a mal à la tête";
        secrets.Add(text);
        secrets.Add("Paul Martin");
        using var resident = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal(HttpStatusCode.Created, (await ReportClient.Report(resident, Rouen, "odour", "Rouen", text)).StatusCode);
        const double latitude = 49.45123, longitude = 1.11297;
        var rounded = ReportLocation.Round(latitude, longitude);
        secrets.AddRange(new[] { latitude, longitude, rounded.Latitude, rounded.Longitude }.Select(value => value.ToString(CultureInfo.InvariantCulture)));
        secrets.AddRange(["49.4512", "1.1129"]);
        Assert.Equal(HttpStatusCode.OK, (await resident.PostAsJsonAsync($"api/v1/territories/{Rouen}/reports/locate", new { latitude, longitude })).StatusCode);
        var (token, nonce) = await ReportClient.Solve(resident, Rouen);
        Assert.Equal(HttpStatusCode.Created, (await ReportClient.Send(resident, Rouen, new { kind = "odour", latitude, longitude, challenge = token, nonce })).StatusCode);

        // A resident subscribes by e-mail (the confirmation goes to the data folder: no SMTP server here).
        const string subscriber = "abonnee.discrete@example.org";
        secrets.Add(subscriber);
        Assert.Equal(HttpStatusCode.Accepted, (await Subscriptions.SubscriptionClient.SignUp(resident, Rouen, subscriber)).StatusCode);

        var logs = await fixture.AllLogs();
        Assert.True(logs.Length > 10_000, "The processes logged almost nothing: the test would prove nothing.");
        Assert.Contains(noticeId, logs, StringComparison.Ordinal);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotMatch(Email(), logs);
    }

    [Fact]
    public async Task No_subscribers_phone_number_nor_confirmation_code_reaches_the_logs()
    {
        var service = fixture.Service;
        var publicBase = service.BaseAddress.ToString().TrimEnd('/');
        using var resident = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // The number typed on the subscription page as French people write it, without script, and its code.
        var (code, _) = await fixture.SubscribeBySms(resident, Rouen, "06 12 34 56 78", Caller);

        // The same number calls the line and subscribes for calls with key 5.
        var twilio = new TwilioWebhooks(service.Http, publicBase, TwilioStandIn.AuthToken);
        var call = TwilioWebhooks.Call(TwilioWebhooks.NewCallSid(), "+33805760001");
        var answer = await twilio.Post("/voice/incoming", call);
        answer = await twilio.Follow(answer.Action!, call, "5");
        answer = await twilio.Follow(answer.Action!, call, "1");
        Assert.StartsWith("C’est noté", answer.Preamble.First(), StringComparison.Ordinal);
        Assert.True((await twilio.Post("/voice/status", new Dictionary<string, string>(call) { ["CallStatus"] = "completed", ["CallDuration"] = "20" })).Status is HttpStatusCode.OK or HttpStatusCode.NoContent);

        // A notice goes to it by SMS and by a call, which Twilio reports delivered and a person answers.
        var title = $"Torchage pour les abonnés {Guid.NewGuid():N}"[..34];
        var noticeId = await ReportClient.Publish(service, Rouen, Site, "flare", ["light"], title);
        await fixture.Twilio.WaitFor(1, m => m.To == Caller && m.Body.Contains(title, StringComparison.Ordinal));
        PlacedCall? placed = null;
        await Polling.Eventually("the call about the notice", TimeSpan.FromSeconds(60), () =>
            Task.FromResult((placed = fixture.Twilio.Calls.FirstOrDefault(c => c.To == Caller && c.Url.Contains(noticeId, StringComparison.Ordinal))) is not null));
        var callOut = new Dictionary<string, string>
        {
            ["AccountSid"] = TwilioStandIn.AccountSid,
            ["ApiVersion"] = "2010-04-01",
            ["AnsweredBy"] = "human",
            ["CallSid"] = placed!.Sid,
            ["CallStatus"] = "in-progress",
            ["Direction"] = "outbound-api",
            ["From"] = placed.From,
            ["To"] = placed.To,
        };
        var played = await twilio.Post(placed.Url[publicBase.Length..], callOut);
        Assert.Equal(HttpStatusCode.OK, played.Status);
        Assert.Equal(HttpStatusCode.OK, (await twilio.Follow(played.Action!, callOut, "1")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await twilio.Post(placed.StatusCallback[publicBase.Length..], new Dictionary<string, string>(callOut) { ["CallStatus"] = "completed", ["CallDuration"] = "48" })).Status);

        // Then the subscriber answers STOP to the SMS.
        var (stopped, reply) = await fixture.Twilio.Incoming(new Uri(service.BaseAddress, "sms/incoming"), Caller, "+33700000016", "Stop");
        Assert.Equal(HttpStatusCode.OK, stopped);
        Assert.Contains("<Message>", reply, StringComparison.Ordinal);
        await fixture.Twilio.CallbacksDone();

        var logs = await fixture.AllLogs();
        Assert.Contains(noticeId, logs, StringComparison.Ordinal);
        Assert.Contains("/sms/incoming", logs, StringComparison.Ordinal);

        // Every way the number is written (the JSON logs escape "+", which the digits alone still find).
        foreach (var written in new[] { Caller, Caller[1..], "0612345678", "612345678", "06 12 34 56 78", "6 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78" })
        {
            Assert.DoesNotContain(written, logs, StringComparison.Ordinal);
        }

        // The code as a number of its own: six digits may be part of a longer one (a port, a duration) by chance.
        Assert.DoesNotMatch($"(?<![0-9A-Za-z.:]){code}(?![0-9A-Za-z])", logs);
    }

    [Fact]
    public async Task Each_requests_log_lines_carry_a_trace_id()
    {
        var response = await fixture.Service.Http.GetAsync($"{Rouen}?trace=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The console logger writes from a queue of its own: the request's last line may come after its response.
        var lines = new List<JsonElement>();
        await Polling.Eventually("the request's \"Request finished\" line in the web front's log", TimeSpan.FromSeconds(30), async () =>
        {
            lines = await CompleteLogLines(fixture.Service.LogFile("web front 0"));
            return lines.Any(line => line.GetRawText().Contains("Request finished", StringComparison.Ordinal)
                && line.GetRawText().Contains("trace=1", StringComparison.Ordinal));
        });

        Assert.All(lines, line => Assert.True(line.TryGetProperty("Category", out _), "Not a JSON log line: " + line));
        var ofRequests = lines
            .Where(line => line.TryGetProperty("Scopes", out var scopes)
                && scopes.EnumerateArray().Any(scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("RequestPath", out _)))
            .ToList();
        Assert.Contains(ofRequests, line => line.GetRawText().Contains("trace=1", StringComparison.Ordinal));
        Assert.All(ofRequests, line => Assert.Matches(TraceId(), TraceIdOf(line) ?? ""));
    }

    /// <summary>The JSON lines written so far, leaving out a last one the process is still writing.</summary>
    private static async Task<List<JsonElement>> CompleteLogLines(string file)
    {
        var text = await File.ReadAllTextAsync(file);
        return text[..(text.LastIndexOf('\n') + 1)]
            .Split('\n')
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToList();
    }

    private static string? TraceIdOf(JsonElement line) =>
        line.GetProperty("Scopes").EnumerateArray()
            .Where(scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out _))
            .Select(scope => scope.GetProperty("TraceId").GetString())
            .FirstOrDefault();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TraceId();
}
