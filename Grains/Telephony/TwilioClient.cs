using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using AlloIndustrie.Grains.Interfaces.Telephony;
using AlloIndustrie.Grains.Interfaces.Voice;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.RateLimiting;
using Polly.Timeout;

namespace AlloIndustrie.Grains.Telephony;

/// <summary>
/// Twilio's REST API (2010-04-01), the two resources the telephone channels need: <c>Messages.json</c> (an SMS)
/// and <c>Calls.json</c> (a call whose TwiML our web front serves). Form-encoded posts with basic authentication;
/// retries of 429, 5xx and refused connections, and the pace of requests, are the HTTP client's resilience
/// pipeline (<see cref="TelephonyServiceCollectionExtensions"/>). Every message and call names a status callback.
/// No number, text or token is logged.
/// </summary>
public sealed class TwilioClient(IHttpClientFactory factory, IOptions<TwilioRestOptions> options, IGrainFactory grains, ILogger<TwilioClient> logger)
{
    public const string HttpClientName = "twilio";

    /// <summary>Whether an account is configured at all.</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.AccountSid);

    /// <summary>Sends one SMS (<c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>).</summary>
    public Task<TwilioAnswer> SendMessage(TwilioSmsSender sender, string to, string body, Uri statusCallback, CancellationToken cancellationToken) =>
        Create(
            "Messages.json",
            [
                new("To", to),
                sender.MessagingServiceSid is { } service ? new("MessagingServiceSid", service) : new("From", sender.From ?? ""),
                new("Body", body),
                new("StatusCallback", statusCallback.AbsoluteUri),
            ],
            cancellationToken);

    /// <summary>
    /// Places one call (<c>POST /2010-04-01/Accounts/{AccountSid}/Calls.json</c>): Twilio fetches its TwiML from
    /// <paramref name="twimlUrl"/> (POST) once answered, and reports its progress to <paramref name="statusCallback"/>.
    /// <paramref name="more"/> adds Calls' other parameters (<c>StatusCallbackEvent</c>, <c>MachineDetection</c>,
    /// <c>Timeout</c>…), repeated names allowed.
    /// </summary>
    public Task<TwilioAnswer> PlaceCall(string from, string to, Uri twimlUrl, Uri statusCallback, IEnumerable<KeyValuePair<string, string>> more, CancellationToken cancellationToken) =>
        Create(
            "Calls.json",
            [
                new("To", to),
                new("From", from),
                new("Url", twimlUrl.AbsoluteUri),
                new("Method", "POST"),
                new("StatusCallback", statusCallback.AbsoluteUri),
                new("StatusCallbackMethod", "POST"),
                .. more,
            ],
            cancellationToken);

    /// <summary>
    /// Places one call that says <paramref name="twiml"/> (Calls' <c>Twiml</c> parameter) instead of asking our web front
    /// for it: what it says never appears in a URL. <paramref name="statusCallback"/> may be null when the deployment has
    /// no public address to be called back at.
    /// </summary>
    public Task<TwilioAnswer> PlaceCallSaying(string from, string to, string twiml, Uri? statusCallback, CancellationToken cancellationToken) =>
        Create(
            "Calls.json",
            [
                new("To", to),
                new("From", from),
                new("Twiml", twiml),
                .. statusCallback is null ? [] : new KeyValuePair<string, string>[] { new("StatusCallback", statusCallback.AbsoluteUri), new("StatusCallbackMethod", "POST") },
            ],
            cancellationToken);

    private async Task<TwilioAnswer> Create(string resource, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.AccountSid))
        {
            return new TwilioAnswer(null, null, null, null, "no Twilio account is configured (Allo:Twilio:AccountSid)", null);
        }

        var (user, secret) = settings is { ApiKeySid: { Length: > 0 } key, ApiKeySecret: { Length: > 0 } keySecret }
            ? (key, keySecret)
            : (settings.AccountSid, settings.AuthToken is { Length: > 0 } token ? token : await grains.GetGrain<IPhoneSettingsGrain>(IPhoneSettingsGrain.Key).GetAuthToken());
        if (string.IsNullOrEmpty(secret))
        {
            return new TwilioAnswer(null, null, null, null, "no Twilio auth token or API key secret is configured", null);
        }

        var url = new Uri(settings.ApiBaseUrl, $"/2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid)}/{resource}");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(parameters) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await factory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var answer = await Read(response, cancellationToken);
            if (!answer.Accepted && (answer.HttpStatus is 401 or 403 or 404 || TwilioErrors.IsPassing(answer.ErrorCode)))
            {
                // The account, the key or the sender: every message fails alike until the deployment is put right.
                logger.LogError("Twilio refused {Resource} for the account: {Status} error {Code} {Message}", resource, answer.HttpStatus, answer.ErrorCode, answer.Error);
            }

            return answer;
        }
        catch (HttpRequestException failure)
        {
            logger.LogWarning("Twilio unreachable for {Resource}: {Error}", resource, failure.Message);
            return new TwilioAnswer(null, null, null, null, failure.Message, null);
        }
        catch (Exception timeout) when (timeout is TimeoutRejectedException || (timeout is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("Twilio did not answer {Resource} within {Timeout}", resource, settings.Timeout);
            return new TwilioAnswer(null, null, null, null, $"no answer within {settings.Timeout.TotalSeconds:0} s", null);
        }
        catch (RateLimiterRejectedException refused)
        {
            return new TwilioAnswer(null, null, null, null, "too many requests queued for Twilio", refused.RetryAfter);
        }
    }

    private static async Task<TwilioAnswer> Read(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var retryAfter = RetryAfter(response.Headers.RetryAfter);
        JsonElement body = default;
        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // A proxy's HTML error page, or nothing: the HTTP status says enough.
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return new TwilioAnswer(status, null, null, null, response.ReasonPhrase, retryAfter);
        }

        return response.IsSuccessStatusCode
            ? new TwilioAnswer(status, Text(body, "sid"), Text(body, "status"), Number(body, "error_code"), Text(body, "error_message"), retryAfter, Number(body, "num_segments"))
            : new TwilioAnswer(status, null, null, Number(body, "code"), Text(body, "message") ?? response.ReasonPhrase, retryAfter);
    }

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Twilio writes some numbers as JSON numbers and others as strings (<c>"num_segments": "2"</c>).</summary>
    private static int? Number(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number
        : value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
