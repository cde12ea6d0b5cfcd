using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using AlloIndustrie.Grains.Interfaces.Webhooks;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Webhooks;

/// <summary>
/// Posts signed Standard Webhooks messages. The address a webhook's name resolves to is checked when connecting,
/// on the very address the socket reaches, so that a name answering a public address to a first lookup and a
/// private one later (DNS rebinding) gets nowhere; redirects are not followed, and no proxy stands in between.
/// </summary>
public sealed class WebhookClient : IDisposable
{
    private readonly bool allowPrivate;
    private readonly HttpClient http;

    public WebhookClient(IOptions<WebhookOptions> options)
    {
        allowPrivate = options.Value.AllowPrivateWebhooks;
        http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = WebhookRules.Timeout,
            ConnectCallback = Connect,
        })
        {
            Timeout = WebhookRules.Timeout,
        };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("AlloIndustrie-Webhooks", "1"));
    }

    public bool AllowPrivate => allowPrivate;

    /// <summary>
    /// Posts one attempt of <paramref name="message"/>, signed with each of <paramref name="secrets"/>. Its
    /// <c>webhook-timestamp</c> is the real time of the attempt, which receivers compare with their own clock.
    /// </summary>
    public async Task<(int? Status, TimeSpan Duration, string? Error)> Send(
        string url, WebhookMessage message, IReadOnlyList<string> secrets, CancellationToken cancellationToken)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", message.Id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(message.Id, timestamp, message.Body, secrets));

        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return ((int)response.StatusCode, watch.Elapsed, null);
        }
        catch (HttpRequestException e) when (e.InnerException is RefusedAddressException refused)
        {
            return (null, watch.Elapsed, refused.Message);
        }
        catch (HttpRequestException e)
        {
            return (null, watch.Elapsed, $"Connexion impossible : {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, watch.Elapsed, $"Pas de réponse en {WebhookRules.Timeout.TotalSeconds:0} s.");
        }
    }

    public void Dispose() => http.Dispose();

    private async ValueTask<Stream> Connect(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = allowPrivate ? addresses : [.. addresses.Where(WebhookRules.IsPublic)];
        if (allowed.Length == 0)
        {
            throw new RefusedAddressException();
        }

        SocketException? failure = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                if (!allowPrivate && (socket.RemoteEndPoint is not IPEndPoint peer || !WebhookRules.IsPublic(peer.Address)))
                {
                    throw new RefusedAddressException();
                }

                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                failure = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw failure!;
    }

    private sealed class RefusedAddressException() : Exception(WebhookRules.PrivateAddress);
}
