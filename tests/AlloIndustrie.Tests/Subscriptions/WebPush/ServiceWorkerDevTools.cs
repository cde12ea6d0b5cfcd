using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace AlloIndustrie.Tests.Subscriptions.WebPush;

/// <summary>
/// Chromium's DevTools protocol where Playwright has no API: the page's service worker registrations, delivering
/// a push message to one (<c>ServiceWorker.deliverPushMessage</c>, as if its push service had), and evaluating
/// script inside the worker itself (through a browser session attached to its target).
/// </summary>
public sealed class ServiceWorkerDevTools
{
    private readonly IPage page;
    private readonly ICDPSession pageSession;
    private readonly ConcurrentDictionary<string, string> registrations = new();

    private ServiceWorkerDevTools(IPage page, ICDPSession pageSession)
    {
        this.page = page;
        this.pageSession = pageSession;
    }

    public static async Task<ServiceWorkerDevTools> Attach(IPage page)
    {
        var tools = new ServiceWorkerDevTools(page, await page.Context.NewCDPSessionAsync(page));
        tools.pageSession.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, e) =>
        {
            foreach (var registration in e!.Value.GetProperty("registrations").EnumerateArray())
            {
                tools.registrations[registration.GetProperty("scopeURL").GetString()!] = registration.GetProperty("registrationId").GetString()!;
            }
        };
        await tools.pageSession.SendAsync("ServiceWorker.enable");
        return tools;
    }

    /// <summary>The id of the registration whose scope is <paramref name="scope"/>, once the browser reported it.</summary>
    public async Task<string> RegistrationId(string scope)
    {
        await Polling.Eventually($"a service worker registered for {scope}", TimeSpan.FromSeconds(15), () => registrations.ContainsKey(scope));
        return registrations[scope];
    }

    public async Task DeliverPush(string scope, string data) =>
        await pageSession.SendAsync("ServiceWorker.deliverPushMessage", new()
        {
            ["origin"] = new Uri(scope).GetLeftPart(UriPartial.Authority),
            ["registrationId"] = await RegistrationId(scope),
            ["data"] = data,
        });

    /// <summary>The notifications the page's service worker shows, as the page can list them.</summary>
    public async Task<JsonElement> Notifications() => await page.EvaluateAsync<JsonElement>(
        "async () => (await (await navigator.serviceWorker.ready).getNotifications()).map(n => ({ title: n.title, body: n.body, tag: n.tag, url: n.data && n.data.url }))");

    /// <summary>Evaluates <paramref name="expression"/> (awaiting a promise) in the service worker, and returns its value as JSON.</summary>
    public async Task<JsonElement> EvaluateInWorker(string expression)
    {
        var browser = await page.Context.Browser!.NewBrowserCDPSessionAsync();
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        browser.Event("Target.receivedMessageFromTarget").OnEvent += (_, e) =>
        {
            using var message = JsonDocument.Parse(e!.Value.GetProperty("message").GetString()!);
            if (message.RootElement.TryGetProperty("id", out var id) && id.GetInt32() == 1)
            {
                answer.TrySetResult(message.RootElement.Clone());
            }
        };
        var targets = await browser.SendAsync("Target.getTargets");
        var worker = targets!.Value.GetProperty("targetInfos").EnumerateArray()
            .First(t => t.GetProperty("type").GetString() == "service_worker" && t.GetProperty("url").GetString()!.StartsWith(new Uri(page.Url).GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal));
        var attached = await browser.SendAsync("Target.attachToTarget", new() { ["targetId"] = worker.GetProperty("targetId").GetString()!, ["flatten"] = false });
        await browser.SendAsync("Target.sendMessageToTarget", new()
        {
            ["sessionId"] = attached!.Value.GetProperty("sessionId").GetString()!,
            ["message"] = JsonSerializer.Serialize(new
            {
                id = 1,
                method = "Runtime.evaluate",
                @params = new { expression, awaitPromise = true, returnByValue = true },
            }),
        });
        var result = await answer.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await browser.DetachAsync();
        return result.GetProperty("result").GetProperty("result").GetProperty("value");
    }
}
