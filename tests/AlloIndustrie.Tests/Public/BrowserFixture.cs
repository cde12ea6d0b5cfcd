using System.Collections.Concurrent;
using AlloIndustrie.Tests.Processes;
using Microsoft.Playwright;
using Xunit;

namespace AlloIndustrie.Tests.Public;

/// <summary>
/// One running service and one headless Chromium (Debian's, never a downloaded build) shared by the public
/// site's end-to-end tests, which start both only once.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public RunningService Service { get; } = new();

    public PublicSiteClient Api => new(Service);

    /// <summary>Every dialog any page opened: an operator's text that ran as script would show here.</summary>
    public ConcurrentQueue<string> Dialogs { get; } = new();

    public async Task InitializeAsync()
    {
        await Service.Start();
        playwright = await Playwright.CreateAsync();
        browser = await Chromium.Launch(playwright);
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>A fresh browser context (its own cookies and network state) with a page whose dialogs are recorded.</summary>
    public async Task<IPage> NewPage(bool javaScript = true)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Service.BaseAddress.ToString(),
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            JavaScriptEnabled = javaScript,
        });
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) =>
        {
            Dialogs.Enqueue(dialog.Message);
            await dialog.DismissAsync();
        };
        return page;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Service.DisposeAsync();
    }
}
