using System.Net.Http.Headers;
using AlloIndustrie.Grains.Interfaces.Subscriptions.Channels.WebPush;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Subscriptions.Channels.WebPush;

/// <summary>
/// Posts encrypted messages to push services (RFC 8030, 8291, 8292), signing with the deployment's VAPID keys,
/// which it reads once from their grain. A push service that redirects is not followed: the message goes only to
/// the endpoint that passed <see cref="PushOrigins"/>.
/// </summary>
public sealed class WebPushClient(IGrainFactory grains, IOptions<WebPushOptions> options, TimeProvider clock) : IDisposable
{
    /// <summary>How long a push service may take to answer before the message is retried later.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Push services keep a message at most four weeks; FCM refuses a longer TTL.</summary>
    public static readonly TimeSpan MaxTtl = TimeSpan.FromDays(28);

    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseCookies = false,
    })
    {
        Timeout = Timeout,
    };

    private Task<VapidAuthorization>? vapid;

    public async Task<PushResponse> Send(PushRequest request, CancellationToken cancellationToken)
    {
        var userAgentKey = WebPushSubscriptionRules.DecodeKey(request.P256dh, WebPushSubscriptionRules.PublicKeyLength)
            ?? throw new ArgumentException("The browser's public key is not 65 bytes of base64url.", nameof(request));
        var authSecret = WebPushSubscriptionRules.DecodeKey(request.Auth, WebPushSubscriptionRules.AuthSecretLength)
            ?? throw new ArgumentException("The browser's authentication secret is not 16 bytes of base64url.", nameof(request));
        var authorization = (await Vapid()).For(request.Endpoint);

        using var message = new HttpRequestMessage(HttpMethod.Post, request.Endpoint)
        {
            Content = new ByteArrayContent(PushEncryption.Encrypt(request.Payload, userAgentKey, authSecret)),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        message.Content.Headers.ContentEncoding.Add("aes128gcm");
        message.Headers.TryAddWithoutValidation("Authorization", authorization);
        var ttl = request.Ttl < TimeSpan.Zero ? TimeSpan.Zero : request.Ttl > MaxTtl ? MaxTtl : request.Ttl;
        message.Headers.Add("TTL", ((long)ttl.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        message.Headers.Add("Topic", request.Topic);
        message.Headers.Add("Urgency", request.HighUrgency ? "high" : "normal");

        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return new PushResponse(response.StatusCode, RetryAfter(response.Headers.RetryAfter));
        }
        catch (HttpRequestException e)
        {
            return new PushResponse(null, null, e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new PushResponse(null, null, $"no answer within {Timeout.TotalSeconds} s");
        }
    }

    public void Dispose()
    {
        http.Dispose();
        if (vapid is { IsCompletedSuccessfully: true })
        {
            vapid.Result.Dispose();
        }
    }

    /// <summary>The keys, read once; a failed read (storage down) is tried again at the next message.</summary>
    private Task<VapidAuthorization> Vapid()
    {
        var current = vapid;
        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            current = vapid = Load();
        }

        return current;

        async Task<VapidAuthorization> Load() => new(
            await grains.GetGrain<IVapidKeysGrain>(IVapidKeysGrain.Key).GetKeys(), options.Value.VapidSubject, clock);
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
