using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace AlloIndustrie.Tests.Webhooks;

/// <summary>
/// A town hall's system receiving webhooks over real HTTP on loopback: it verifies each signature with the
/// Standard Webhooks library (not the service's own code) against the secret the test gives it, and answers as
/// the test scripted (500, a redirect, a long silence), 200 otherwise.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, string[]> secrets = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpResponse, Task>>> scripted = new();

    private WebhookReceiver(WebApplication app) => this.app = app;

    public Uri Origin { get; private set; } = null!;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public static async Task<WebhookReceiver> Start()
    {
        var app = LoopbackApp.Create();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook/{name}", receiver.Handle);
        await app.StartAsync();
        receiver.Origin = LoopbackApp.Address(app);
        return receiver;
    }

    public string Url(string name) => new Uri(Origin, $"/hook/{name}").ToString();

    /// <summary>The secrets the receiver verifies <paramref name="name"/>'s messages with (any of them may match).</summary>
    public void Trust(string name, params string[] keys) => secrets[name] = keys;

    public void Answer(string name, params Func<HttpResponse, Task>[] answers)
    {
        var queue = scripted.GetOrAdd(name, _ => new());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    public static Func<HttpResponse, Task> Status(int status) => response =>
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    };

    public IReadOnlyList<ReceivedWebhook> For(string name) => [.. Received.Where(r => r.Name == name)];

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task Handle(string name, HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers;
        var verifiedBy = secrets.GetValueOrDefault(name, []).Select((secret, index) => (secret, index)).Where(s => Verifies(s.secret, body, headers)).Select(s => s.index).ToArray();
        Received.Enqueue(new ReceivedWebhook(name, headers["webhook-id"].ToString(), headers["webhook-timestamp"].ToString(), headers["webhook-signature"].ToString(), body, verifiedBy));
        if (scripted.TryGetValue(name, out var answers) && answers.TryDequeue(out var answer))
        {
            await answer(context.Response);
        }
    }

    /// <summary>
    /// Whether one of the header's signatures is <paramref name="secret"/>'s. Each is checked on its own: the library
    /// reads only the first of several (during a rotation the service sends the new secret's, then the old one's).
    /// </summary>
    private static bool Verifies(string secret, string body, IHeaderDictionary headers) =>
        headers["webhook-signature"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(signature =>
        {
            try
            {
                new StandardWebhook(secret).Verify(body, new HeaderDictionary
                {
                    ["webhook-id"] = headers["webhook-id"],
                    ["webhook-timestamp"] = headers["webhook-timestamp"],
                    ["webhook-signature"] = signature,
                });
                return true;
            }
            catch (WebhookVerificationException)
            {
                return false;
            }
        });
}

/// <summary>One request as received, and the indexes of the trusted secrets whose signature it carried.</summary>
public sealed record ReceivedWebhook(string Name, string Id, string Timestamp, string Signature, string Body, int[] VerifiedBy)
{
    public bool Verified => VerifiedBy.Length > 0;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
