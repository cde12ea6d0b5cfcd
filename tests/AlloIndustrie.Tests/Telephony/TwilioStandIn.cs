using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AlloIndustrie.WebFront.Voice;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AlloIndustrie.Tests.Telephony;

/// <summary>
/// Twilio's REST API over real HTTP on loopback, as its documentation describes the two resources the service uses:
/// <c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c> and <c>…/Calls.json</c>, form-encoded, with HTTP basic
/// authentication by the account SID and auth token or an API key SID and secret (401 and error 20003 otherwise).
/// It checks the parameters Twilio requires, answers 201 with the resource's JSON or 4xx with Twilio's error JSON
/// (<c>{ code, message, more_info, status }</c>), records what it accepted, and then posts the message's status
/// callbacks (<c>sent</c>, then <c>delivered</c> or a scripted failure) to its <c>StatusCallback</c>, signed with
/// <c>X-Twilio-Signature</c> as Twilio signs them. Tests script answers (429, 503, an error code for one number).
/// </summary>
public sealed partial class TwilioStandIn : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000016";
    public const string AuthToken = "jeton-de-test-twilio-0123456789abcdef";
    public const string ApiKeySid = "SK00000000000000000000000000000016";
    public const string ApiKeySecret = "secret-de-cle-api-0123456789abcdef";

    private readonly WebApplication app;
    private readonly HttpClient callbacks = new();
    private readonly ConcurrentQueue<ScriptedAnswer> scripted = new();
    private readonly ConcurrentDictionary<string, int> refusedNumbers = new();
    private readonly ConcurrentDictionary<string, (string Status, int Code)> failingNumbers = new();
    private readonly ConcurrentBag<Task> pendingCallbacks = [];
    private int requests;

    private TwilioStandIn(WebApplication app) => this.app = app;

    /// <summary>The API's base URL, what the service gets as <c>Allo:Twilio:ApiBaseUrl</c>.</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    /// <summary>Every message it accepted, in order.</summary>
    public ConcurrentQueue<SentMessage> Messages { get; } = new();

    /// <summary>Every call it accepted, in order.</summary>
    public ConcurrentQueue<PlacedCall> Calls { get; } = new();

    /// <summary>Requests it refused for their authentication or their parameters, with why.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    /// <summary>The service's answers to the status callbacks it posted: URL, status sent, HTTP status received.</summary>
    public ConcurrentQueue<(string Url, string Status, HttpStatusCode Answer)> CallbackAnswers { get; } = new();

    /// <summary>Every request to a resource, whatever it was answered.</summary>
    public int Requests => requests;

    /// <summary>The settings that point the service at this stand-in, as configuration keys (<c>Allo:Twilio:…</c>).</summary>
    public Dictionary<string, string?> Configuration(string? messagingServiceSid = "MG00000000000000000000000000000016") => new()
    {
        ["Allo:Twilio:ApiBaseUrl"] = ApiBaseUrl.AbsoluteUri,
        ["Allo:Twilio:AccountSid"] = AccountSid,
        ["Allo:Twilio:AuthToken"] = AuthToken,
        ["Allo:Twilio:RetryDelay"] = "00:00:00.200",
        [messagingServiceSid is null ? "Allo:Twilio:SmsFrom" : "Allo:Twilio:MessagingServiceSid"] = messagingServiceSid ?? "+33700000016",
    };

    /// <summary>The same settings as environment variables, for the service's processes.</summary>
    public Dictionary<string, string> Environment(string? messagingServiceSid = "MG00000000000000000000000000000016") =>
        Configuration(messagingServiceSid).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);

    public static async Task<TwilioStandIn> Start()
    {
        var app = LoopbackApp.Create();
        var standIn = new TwilioStandIn(app);
        app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", (string account, HttpRequest request) => standIn.Create(account, request, standIn.CreateMessage));
        app.MapPost("/2010-04-01/Accounts/{account}/Calls.json", (string account, HttpRequest request) => standIn.Create(account, request, standIn.CreateCall));
        await app.StartAsync();
        standIn.ApiBaseUrl = LoopbackApp.Address(app);
        return standIn;
    }

    /// <summary>The next requests get these answers instead (status, Twilio error code, <c>Retry-After</c> seconds), then the normal ones again.</summary>
    public void Answer(params (int Status, int Code, int? RetryAfterSeconds)[] answers)
    {
        foreach (var (status, code, retryAfter) in answers)
        {
            scripted.Enqueue(new ScriptedAnswer(status, code, retryAfter));
        }
    }

    /// <summary>Every request to <paramref name="number"/> is refused with Twilio's error <paramref name="code"/> (400).</summary>
    public void Refuse(string number, int code) => refusedNumbers[number] = code;

    /// <summary>Messages to <paramref name="number"/> are accepted, then reported <paramref name="status"/> with <paramref name="code"/>.</summary>
    public void FailDelivery(string number, string status, int code) => failingNumbers[number] = (status, code);

    /// <summary>The messages sent to <paramref name="number"/>.</summary>
    public IReadOnlyList<SentMessage> To(string number) => [.. Messages.Where(m => m.To == number)];

    /// <summary>Waits until <paramref name="count"/> messages matching <paramref name="which"/> were accepted.</summary>
    public async Task<IReadOnlyList<SentMessage>> WaitFor(int count, Func<SentMessage, bool>? which = null, TimeSpan? patience = null)
    {
        IReadOnlyList<SentMessage> found = [];
        await Polling.Eventually($"{count} messages at the Twilio stand-in", patience ?? TimeSpan.FromSeconds(30), () =>
        {
            found = [.. Messages.Where(which ?? (_ => true))];
            return Task.FromResult(found.Count >= count);
        });
        return found;
    }

    /// <summary>Posts a webhook to the service as Twilio does, signed for <paramref name="url"/> with the auth token.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostSigned(Uri url, IReadOnlyDictionary<string, string> parameters, string authToken = AuthToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(parameters) };
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute(url.AbsoluteUri, parameters, authToken));
        using var response = await callbacks.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// A text message from <paramref name="from"/> to one of the deployment's numbers, as Twilio posts it to the
    /// number's (or Messaging Service's) incoming webhook.
    /// </summary>
    public Task<(HttpStatusCode Status, string Body)> Incoming(Uri webhook, string from, string to, string body, string authToken = AuthToken)
    {
        var sid = "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return PostSigned(webhook, new Dictionary<string, string>
        {
            ["AccountSid"] = AccountSid,
            ["ApiVersion"] = "2010-04-01",
            ["Body"] = body,
            ["From"] = from,
            ["FromCountry"] = "FR",
            ["MessageSid"] = sid,
            ["NumMedia"] = "0",
            ["NumSegments"] = Segments(body).ToString(CultureInfo.InvariantCulture),
            ["SmsMessageSid"] = sid,
            ["SmsSid"] = sid,
            ["SmsStatus"] = "received",
            ["To"] = to,
            ["ToCountry"] = "FR",
        }, authToken);
    }

    /// <summary>Waits for the status callbacks posted so far to be answered.</summary>
    public Task CallbacksDone() => Task.WhenAll(pendingCallbacks);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        callbacks.Dispose();
    }

    /// <summary>
    /// Segments as a carrier counts them (3GPP TS 23.038): GSM-7 when every character is in the default alphabet
    /// or its extension (which takes two septets), 160 septets alone or 153 per part; otherwise UCS-2, 70 UTF-16
    /// units alone or 67 per part. Written here from the standard, apart from the service's own count.
    /// </summary>
    public static int Segments(string text)
    {
        const string basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
        const string extension = "\f^{}\\[~]|€";
        var septets = 0;
        foreach (var c in text)
        {
            if (basic.Contains(c, StringComparison.Ordinal))
            {
                septets++;
            }
            else if (extension.Contains(c, StringComparison.Ordinal))
            {
                septets += 2;
            }
            else
            {
                return text.Length <= 70 ? 1 : (text.Length + 66) / 67;
            }
        }

        return septets <= 160 ? 1 : (septets + 152) / 153;
    }

    private async Task<IResult> Create(string account, HttpRequest request, Func<IFormCollection, IResult> create)
    {
        Interlocked.Increment(ref requests);
        if (!Authenticated(request.Headers.Authorization.ToString()))
        {
            Refused.Enqueue($"authentication « {request.Headers.Authorization} »");
            return Error(401, 20003, "Authenticate");
        }

        if (account != AccountSid)
        {
            Refused.Enqueue($"account {account}");
            return Error(404, 20404, $"The requested resource /2010-04-01/Accounts/{account} was not found");
        }

        if (!request.HasFormContentType)
        {
            Refused.Enqueue($"content type {request.ContentType}");
            return Error(400, 20001, "Content type must be application/x-www-form-urlencoded");
        }

        var form = await request.ReadFormAsync();
        if (scripted.TryDequeue(out var answer))
        {
            return Error(answer.Status, answer.Code, answer.Status == 429 ? "Too Many Requests" : "Service unavailable", answer.RetryAfterSeconds);
        }

        return create(form);
    }

    private IResult CreateMessage(IFormCollection form)
    {
        var to = form["To"].ToString();
        var body = form["Body"].ToString();
        var from = form["From"].ToString();
        var service = form["MessagingServiceSid"].ToString();
        if (Problem(to) is { } problem)
        {
            return problem;
        }

        if (from.Length == 0 && service.Length == 0)
        {
            return Refuse(21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message");
        }

        if (body.Length == 0)
        {
            return Refuse(21602, "Message body is required.");
        }

        if (body.Length > 1600)
        {
            return Refuse(21617, "The concatenated message body exceeds the 1600 character limit.");
        }

        var sid = "SM" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var segments = Segments(body);
        var callback = form["StatusCallback"].ToString();
        var message = new SentMessage(sid, to, from.Length == 0 ? null : from, service.Length == 0 ? null : service, body, callback, segments, Parameters(form)) { At = DateTimeOffset.UtcNow };
        Messages.Enqueue(message);
        if (Uri.TryCreate(callback, UriKind.Absolute, out var callbackUrl))
        {
            pendingCallbacks.Add(Task.Run(() => ReportDelivery(message, callbackUrl)));
        }

        var now = DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
        return Results.Json(
            new Dictionary<string, object?>
            {
                ["account_sid"] = AccountSid,
                ["api_version"] = "2010-04-01",
                ["body"] = body,
                ["date_created"] = now,
                ["date_sent"] = null,
                ["date_updated"] = now,
                ["direction"] = "outbound-api",
                ["error_code"] = null,
                ["error_message"] = null,
                ["from"] = message.From,
                ["messaging_service_sid"] = message.MessagingServiceSid,
                ["num_media"] = "0",
                ["num_segments"] = segments.ToString(CultureInfo.InvariantCulture),
                ["price"] = null,
                ["price_unit"] = "EUR",
                ["sid"] = sid,
                ["status"] = message.MessagingServiceSid is null ? "queued" : "accepted",
                ["subresource_uris"] = new Dictionary<string, string> { ["media"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{sid}/Media.json" },
                ["to"] = to,
                ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{sid}.json",
            },
            statusCode: 201);
    }

    private IResult CreateCall(IFormCollection form)
    {
        var to = form["To"].ToString();
        var from = form["From"].ToString();
        var url = form["Url"].ToString();
        if (Problem(to) is { } problem)
        {
            return problem;
        }

        if (from.Length == 0)
        {
            return Refuse(21213, "Caller phone number is required");
        }

        if (url.Length == 0 && form["Twiml"].ToString().Length == 0)
        {
            return Refuse(21205, "Url parameter is required.");
        }

        var sid = "CA" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Calls.Enqueue(new PlacedCall(sid, to, from, url, form["StatusCallback"].ToString(), Parameters(form)));
        var now = DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
        return Results.Json(
            new Dictionary<string, object?>
            {
                ["account_sid"] = AccountSid,
                ["api_version"] = "2010-04-01",
                ["date_created"] = now,
                ["date_updated"] = now,
                ["direction"] = "outbound-api",
                ["from"] = from,
                ["sid"] = sid,
                ["status"] = "queued",
                ["to"] = to,
                ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Calls/{sid}.json",
            },
            statusCode: 201);
    }

    /// <summary>Twilio's checks of <c>To</c>, and the refusals a test scripted for one number.</summary>
    private IResult? Problem(string to)
    {
        if (!E164().IsMatch(to))
        {
            return Refuse(21211, $"The 'To' number {to} is not a valid phone number.");
        }

        return refusedNumbers.TryGetValue(to, out var code) ? Refuse(code, $"Scripted refusal of {to}") : null;
    }

    private IResult Refuse(int code, string message)
    {
        Refused.Enqueue($"error {code}: {message}");
        return Error(400, code, message);
    }

    private static IResult Error(int status, int code, string message, int? retryAfterSeconds = null) => new TwilioError(status, code, message, retryAfterSeconds);

    private bool Authenticated(string authorization)
    {
        if (!authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]));
        }
        catch (FormatException)
        {
            return false;
        }

        return credentials == $"{AccountSid}:{AuthToken}" || credentials == $"{ApiKeySid}:{ApiKeySecret}";
    }

    private async Task ReportDelivery(SentMessage message, Uri callback)
    {
        var final = failingNumbers.TryGetValue(message.To, out var failure) ? failure : ("delivered", 0);
        foreach (var status in final.Item1 == "delivered" ? ["sent", "delivered"] : new[] { "sent", final.Item1 })
        {
            var parameters = new Dictionary<string, string>
            {
                ["AccountSid"] = AccountSid,
                ["ApiVersion"] = "2010-04-01",
                ["From"] = message.From ?? "+33700000016",
                ["MessageSid"] = message.Sid,
                ["MessageStatus"] = status,
                ["SmsSid"] = message.Sid,
                ["SmsStatus"] = status,
                ["To"] = message.To,
            };
            if (message.MessagingServiceSid is { } service)
            {
                parameters["MessagingServiceSid"] = service;
            }

            if (status is "failed" or "undelivered")
            {
                parameters["ErrorCode"] = final.Item2.ToString(CultureInfo.InvariantCulture);
            }

            try
            {
                var (answer, _) = await PostSigned(callback, parameters);
                CallbackAnswers.Enqueue((callback.AbsoluteUri, status, answer));
            }
            catch (HttpRequestException)
            {
                CallbackAnswers.Enqueue((callback.AbsoluteUri, status, 0));
            }
        }
    }

    private static Dictionary<string, string[]> Parameters(IFormCollection form) =>
        form.ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    private sealed record ScriptedAnswer(int Status, int Code, int? RetryAfterSeconds);

    /// <summary>Twilio's error document, with <c>Retry-After</c> when scripted.</summary>
    private sealed class TwilioError(int status, int code, string message, int? retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            if (retryAfterSeconds is { } seconds)
            {
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            return Results.Json(new { code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status }, statusCode: status).ExecuteAsync(http);
        }
    }
}

/// <summary>A message the stand-in accepted.</summary>
public sealed record SentMessage(
    string Sid, string To, string? From, string? MessagingServiceSid, string Body, string StatusCallback, int Segments,
    IReadOnlyDictionary<string, string[]> Parameters)
{
    /// <summary>When the stand-in took it.</summary>
    public DateTimeOffset At { get; init; }
}

/// <summary>A call the stand-in accepted; a test answers it by posting to its <see cref="Url"/> with <see cref="TwilioStandIn.PostSigned"/>.</summary>
public sealed record PlacedCall(string Sid, string To, string From, string Url, string StatusCallback, IReadOnlyDictionary<string, string[]> Parameters);
