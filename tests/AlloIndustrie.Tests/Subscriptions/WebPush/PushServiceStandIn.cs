using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AlloIndustrie.Tests.Subscriptions.WebPush;

/// <summary>
/// A push service over real HTTP on loopback, implementing what RFC 8030 and RFC 8292 ask of one: it refuses
/// (401) a request whose VAPID token is not an ES256 JWT signed by the key it names, for this origin, expiring
/// within 24 hours, with the expected <c>sub</c>; it decrypts every accepted message with its browser's private
/// key (RFC 8291) and keeps it. A test scripts the answers of an endpoint (410, 429 with <c>Retry-After</c>…).
/// </summary>
public sealed class PushServiceStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, BrowserPushSubscription> browsers = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string? RetryAfter)>> scripted = new();

    private PushServiceStandIn(WebApplication app, string subject)
    {
        this.app = app;
        Subject = subject;
    }

    public string Subject { get; }

    /// <summary>The service's origin, <c>http://127.0.0.1:{port}</c>, what the deployment lists in its PushOrigins.</summary>
    public Uri Origin { get; private set; } = null!;

    /// <summary>Every message it accepted and decrypted, in order of arrival.</summary>
    public ConcurrentQueue<ReceivedPush> Received { get; } = new();

    /// <summary>Requests it refused, with why: a test expects none unless it sends a bad one.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    /// <summary>Every request, answered or refused, scripted answers included.</summary>
    public int Requests => requests;

    private int requests;

    public static async Task<PushServiceStandIn> Start(string subject)
    {
        var app = LoopbackApp.Create();
        var standIn = new PushServiceStandIn(app, subject);
        app.MapPost("/push/{id}", standIn.Handle);
        await app.StartAsync();
        standIn.Origin = LoopbackApp.Address(app);
        return standIn;
    }

    /// <summary>A new browser subscription at this service, as <c>pushManager.subscribe()</c> would make one.</summary>
    public BrowserPushSubscription Subscribe()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var browser = new BrowserPushSubscription(new Uri(Origin, $"/push/{id}"));
        browsers[id] = browser;
        return browser;
    }

    /// <summary>The next requests to <paramref name="browser"/>'s endpoint get these answers, in order, then 201 again.</summary>
    public void Answer(BrowserPushSubscription browser, params (int Status, string? RetryAfter)[] answers)
    {
        var queue = scripted.GetOrAdd(browser.Endpoint.Segments[^1], _ => new());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    public IEnumerable<ReceivedPush> For(BrowserPushSubscription browser) => Received.Where(r => r.Endpoint == browser.Endpoint);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        foreach (var browser in browsers.Values)
        {
            browser.Dispose();
        }
    }

    private async Task<IResult> Handle(string id, HttpRequest request)
    {
        Interlocked.Increment(ref requests);
        if (!browsers.TryGetValue(id, out var browser))
        {
            return Results.StatusCode(StatusCodes.Status404NotFound);
        }

        if (CheckVapid(request.Headers.Authorization.ToString()) is { } vapidError)
        {
            Refused.Enqueue(vapidError);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        if (request.Headers.ContentEncoding.ToString() != "aes128gcm" || !int.TryParse(request.Headers["TTL"], out var ttl))
        {
            Refused.Enqueue($"Content-Encoding « {request.Headers.ContentEncoding} », TTL « {request.Headers["TTL"]} »");
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        if (scripted.TryGetValue(id, out var answers) && answers.TryDequeue(out var answer))
        {
            if (answer.RetryAfter is { } retryAfter)
            {
                request.HttpContext.Response.Headers.RetryAfter = retryAfter;
            }

            return Results.StatusCode(answer.Status);
        }

        byte[] plaintext;
        try
        {
            plaintext = browser.Decrypt(buffer.ToArray());
        }
        catch (CryptographicException e)
        {
            Refused.Enqueue($"undecryptable: {e.Message}");
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }

        Received.Enqueue(new ReceivedPush(
            browser.Endpoint, Encoding.UTF8.GetString(plaintext), ttl, request.Headers["Topic"].ToString(), request.Headers["Urgency"].ToString()));
        return Results.StatusCode(StatusCodes.Status201Created);
    }

    /// <summary>Null when the header is a valid RFC 8292 authorization for this service, else what is wrong.</summary>
    private string? CheckVapid(string authorization)
    {
        if (!authorization.StartsWith("vapid ", StringComparison.Ordinal))
        {
            return $"no vapid scheme: « {authorization} »";
        }

        var parameters = authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parameters.TryGetValue("t", out var token) || !parameters.TryGetValue("k", out var key))
        {
            return "t or k missing";
        }

        var parts = token.Split('.');
        var publicKey = Base64Url.DecodeFromChars(key);
        if (parts.Length != 3 || publicKey.Length != 65 || publicKey[0] != 4)
        {
            return "malformed token or key";
        }

        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        if (header.RootElement.GetProperty("alg").GetString() != "ES256")
        {
            return "alg is not ES256";
        }

        using var verifier = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = publicKey[1..33], Y = publicKey[33..65] },
        });
        if (!verifier.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256))
        {
            return "bad ES256 signature";
        }

        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var audience = claims.RootElement.GetProperty("aud").GetString();
        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.RootElement.GetProperty("exp").GetInt64());
        var subject = claims.RootElement.GetProperty("sub").GetString();
        var now = DateTimeOffset.UtcNow;
        if (audience != Origin.GetLeftPart(UriPartial.Authority))
        {
            return $"aud « {audience} » is not this service";
        }

        if (expires <= now || expires > now.AddHours(24))
        {
            return $"exp {expires:O} not within the next 24 h";
        }

        return subject == Subject ? null : $"sub « {subject} »";
    }
}

/// <summary>One message as the browser would see it after decryption, with the headers the push service read.</summary>
public sealed record ReceivedPush(Uri Endpoint, string Json, int Ttl, string Topic, string Urgency)
{
    public JsonElement Payload => JsonDocument.Parse(Json).RootElement;
}
