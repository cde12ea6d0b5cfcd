using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlloIndustrie.Tests.Public;
using Xunit;

namespace AlloIndustrie.Tests.Subscriptions.WebPush;

/// <summary>The service worker in Chromium: push messages delivered through DevTools, as a push service would hand them over.</summary>
[Collection(WebPushBrowserCollection.Name)]
public sealed class ServiceWorkerTests(WebPushBrowserFixture fixture)
{
    [Fact]
    public async Task A_push_shows_the_notice_a_newer_version_replaces_it_and_a_click_opens_its_page()
    {
        var page = await fixture.NewPage(notifications: true);
        await page.GotoAsync("/rouen-metropole");
        var devTools = await ServiceWorkerDevTools.Attach(page);
        var scope = await page.EvaluateAsync<string>(
            "async () => (await navigator.serviceWorker.register('/static/js/push.sw.js', { scope: '/' })).scope");
        Assert.Equal(fixture.Service.BaseAddress.ToString(), scope);
        await page.EvaluateAsync("async () => await navigator.serviceWorker.ready");

        var id = await fixture.Api.Publish($"Essai de sirène {Guid.NewGuid():N}", exercise: true);
        var url = $"/rouen-metropole/notices/{id}";
        var shown = await Deliver(devTools, scope, Payload(id, 1, "Essai de sirène", "La sirène retentit à midi.", url, exercise: true), n => n.GetArrayLength() == 1);
        Assert.Equal("EXERCICE – Essai de sirène", shown[0].GetProperty("title").GetString());
        Assert.Equal("La sirène retentit à midi.", shown[0].GetProperty("body").GetString());
        Assert.Equal(id, shown[0].GetProperty("tag").GetString());

        // Version 2 of the same notice takes the place of version 1; another notice adds its own. Each is handed
        // over once the previous one is shown, as a push service's single connection does (two DevTools deliveries
        // at once have been seen to lose one in a loaded run).
        await Deliver(devTools, scope, Payload(id, 2, "Terminé : Essai de sirène", "L’essai est terminé.", url, exercise: true),
            n => n.GetArrayLength() == 1 && n[0].GetProperty("title").GetString()!.Contains("Terminé", StringComparison.Ordinal));
        shown = await Deliver(devTools, scope, Payload("0123456789abcdef0123456789abcdef", 1, "Torchage", "Une flamme est visible.", "/rouen-metropole", exercise: false),
            n => n.GetArrayLength() == 2);
        var replaced = Assert.Single(shown.EnumerateArray(), n => n.GetProperty("tag").GetString() == id);
        Assert.Equal("EXERCICE – Terminé : Essai de sirène", replaced.GetProperty("title").GetString());

        // A click opens the notice's page: Chromium has no way to click a notification from DevTools, so the click is
        // dispatched inside the worker, where openWindow (which only a real click may use) is watched.
        var opened = await devTools.EvaluateInWorker($$"""
            (async () => {
              const [notification] = await self.registration.getNotifications({ tag: '{{id}}' });
              const opened = [];
              self.clients.openWindow = url => { opened.push(url); return Promise.resolve(null); };
              self.dispatchEvent(new NotificationEvent('notificationclick', { notification }));
              await new Promise(resolve => setTimeout(resolve, 300));
              return { opened, left: (await self.registration.getNotifications({ tag: '{{id}}' })).length };
            })()
            """);
        Assert.Equal([new Uri(fixture.Service.BaseAddress, url).ToString()], opened.GetProperty("opened").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(0, opened.GetProperty("left").GetInt32());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_notification_never_leads_off_the_site()
    {
        var page = await fixture.NewPage(notifications: true);
        await page.GotoAsync("/rouen-metropole");
        var devTools = await ServiceWorkerDevTools.Attach(page);
        var scope = await page.EvaluateAsync<string>(
            "async () => { const r = await navigator.serviceWorker.register('/static/js/push.sw.js', { scope: '/' }); await navigator.serviceWorker.ready; return r.scope; }");

        var shown = await Deliver(devTools, scope, Payload("fedcba9876543210fedcba9876543210", 1, "Fumée", "Panache.", "https://evil.example/rouen-metropole/notices/x", exercise: false),
            n => n.GetArrayLength() == 1);
        Assert.Equal(new Uri(fixture.Service.BaseAddress, "/rouen-metropole/notices/x").ToString(), shown[0].GetProperty("url").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_published_notice_travels_encrypted_through_the_push_service_to_the_notification_the_worker_shows()
    {
        // What pushManager.subscribe() gives a browser, signed up through the contract's route on the real processes.
        using var browser = fixture.PushService.Subscribe();
        using var resident = fixture.Service.Client(0);
        var (challenge, nonce) = await SubscriptionClient.Proof(resident, PublicSiteClient.Territory);
        var signUp = await resident.PostAsJsonAsync($"api/v1/territories/{PublicSiteClient.Territory}/subscriptions", new
        {
            channel = "webpush",
            push = new { endpoint = browser.Endpoint.ToString(), keys = new { p256dh = browser.P256dh, auth = browser.Auth } },
            challenge,
            nonce,
        });
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);

        var title = $"Torchage {Guid.NewGuid():N}"[..20];
        var id = await fixture.Api.Publish(title);
        await Polling.Eventually("the push service to receive the notice", TimeSpan.FromSeconds(60),
            () => Task.FromResult(fixture.PushService.For(browser).Any(p => p.Payload.GetProperty("noticeId").GetString() == id)));
        var push = fixture.PushService.For(browser).First(p => p.Payload.GetProperty("noticeId").GetString() == id);
        Assert.Equal("high", push.Urgency);

        // The browser hands the decrypted message to the site's worker, as its push service connection does.
        var page = await fixture.NewPage(notifications: true, width: 390);
        await page.GotoAsync($"/{PublicSiteClient.Territory}");
        var devTools = await ServiceWorkerDevTools.Attach(page);
        var scope = await page.EvaluateAsync<string>(
            "async () => { const r = await navigator.serviceWorker.register('/static/js/push.sw.js', { scope: '/' }); await navigator.serviceWorker.ready; return r.scope; }");
        var shown = (await Deliver(devTools, scope, push.Json, n => n.GetArrayLength() == 1))[0];
        Assert.Equal(title, shown.GetProperty("title").GetString());
        Assert.Equal(id, shown.GetProperty("tag").GetString());
        Assert.Equal(new Uri(fixture.Service.BaseAddress, $"/{PublicSiteClient.Territory}/notices/{id}").ToString(), shown.GetProperty("url").GetString());
        await page.Context.CloseAsync();
    }

    private static string Payload(string id, int version, string title, string body, string url, bool exercise) =>
        JsonSerializer.Serialize(new { title, body, url, noticeId = id, version, status = "active", exercise });

    /// <summary>
    /// Hands <paramref name="data"/> to the worker until the notifications are <paramref name="done"/>. A push service
    /// hands a message over again until the browser acknowledges it; DevTools acknowledges nothing, and a loaded CI run
    /// lost one delivery (no notification in 15 s). Handing the same message over again is harmless: its tag replaces
    /// the notification it would have shown.
    /// </summary>
    private static async Task<JsonElement> Deliver(ServiceWorkerDevTools devTools, string scope, string data, Func<JsonElement, bool> done)
    {
        var notifications = default(JsonElement);
        var deliveries = 0;
        var nextDelivery = DateTime.MinValue;
        await Polling.Eventually("the notifications", TimeSpan.FromSeconds(30), async () =>
            {
                if (DateTime.UtcNow >= nextDelivery)
                {
                    await devTools.DeliverPush(scope, data);
                    deliveries++;
                    nextDelivery = DateTime.UtcNow + TimeSpan.FromSeconds(8);
                }

                return done(notifications = await devTools.Notifications());
            },
            () => $"Notifications shown after {deliveries} deliveries: {notifications}");
        return notifications;
    }
}
