using AlloIndustrie.Tests.Processes;
using AlloIndustrie.Tests.Public;
using Microsoft.Playwright;
using Xunit;

namespace AlloIndustrie.Tests.Subscriptions.WebPush;

/// <summary>
/// The running service, told to accept push endpoints at the push service stand-in (started first, on loopback),
/// and a headless Chromium: what the Web Push tests share.
/// </summary>
public sealed class WebPushBrowserFixture : IAsyncLifetime
{
    public const string Subject = "mailto:abonnements@alloindustrie.test";

    private IPlaywright? playwright;

    public PushServiceStandIn PushService { get; private set; } = null!;

    public RunningService Service { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public PublicSiteClient Api => new(Service);

    public async Task InitializeAsync()
    {
        PushService = await PushServiceStandIn.Start(Subject);
        Service = new RunningService(new Dictionary<string, string>
        {
            ["Allo__Subscriptions__PushOrigins"] = PushService.Origin.GetLeftPart(UriPartial.Authority),
            ["Allo__Subscriptions__VapidSubject"] = Subject,
        });
        await Service.Start();
        playwright = await Playwright.CreateAsync();
        Browser = await Chromium.Launch(playwright);
    }

    /// <summary>A fresh context on the service; with <paramref name="notifications"/>, the permission is already granted.</summary>
    public async Task<IPage> NewPage(bool notifications, int width = 1366)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Service.BaseAddress.ToString(),
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        if (notifications)
        {
            await context.GrantPermissionsAsync(["notifications"], new() { Origin = Service.BaseAddress.GetLeftPart(UriPartial.Authority) });
        }

        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        if (PushService is not null)
        {
            await PushService.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebPushBrowserCollection : ICollectionFixture<WebPushBrowserFixture>
{
    public const string Name = "Web Push in a browser";
}
