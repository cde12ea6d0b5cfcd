using Microsoft.Playwright;

namespace AlloIndustrie.Tests;

/// <summary>
/// Debian's Chromium (<c>ALLO_CHROMIUM</c> to use another), headless, as every browser test starts it: no sandbox
/// (tests may run as root), no GPU, and nothing of its own on the network (QUIC, updates, sync, background
/// requests), so that the only traffic is the page's.
/// </summary>
public static class Chromium
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("ALLO_CHROMIUM") ?? "/usr/bin/chromium";

    /// <param name="autoplay">Lets a page start audio without a click, for the tests that listen to it.</param>
    public static Task<IBrowser> Launch(IPlaywright playwright, bool autoplay = false) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                .. autoplay ? ["--autoplay-policy=no-user-gesture-required"] : Array.Empty<string>(),
            ],
        });
}
