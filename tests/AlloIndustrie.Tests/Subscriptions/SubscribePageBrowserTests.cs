using Microsoft.Playwright;
using Xunit;
using static AlloIndustrie.Tests.Subscriptions.SubscriptionClient;
using static Microsoft.Playwright.Assertions;

namespace AlloIndustrie.Tests.Subscriptions;

/// <summary>A resident subscribes by e-mail from the page itself in Chromium, on a phone and on a laptop, and confirms from the mail.</summary>
[Collection(SubscriptionsCollection.Name)]
public sealed class SubscribePageBrowserTests(SubscriptionsFixture fixture) : IAsyncLifetime
{
    private const string Territory = "rouen-metropole";
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await Chromium.Launch(playwright);
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task A_resident_subscribes_from_the_territory_page_and_confirms_from_the_mail(int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Service.BaseAddress.ToString(),
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        var email = $"riveraine.{width}.{Guid.NewGuid():N}@example.org";

        await page.GotoAsync($"/{Territory}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Me prévenir" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{Territory}/abonnement$"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");

        var form = page.Locator("form.subscribe-form");
        await form.Locator("#subscribe-email").FillAsync(email);
        await form.GetByLabel("Rouen", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("Oui, me prévenir aussi des exercices").CheckAsync();
        await form.GetByRole(AriaRole.Button).ClickAsync();

        // Sent at once, the request first waits a moment (the proof against automated sign-ups without script).
        var mailbox = page.GetByRole(AriaRole.Heading, new() { Name = "Vérifiez votre messagerie" });
        var wait = page.GetByRole(AriaRole.Button, new() { Name = "Confirmer ma demande" });
        await Expect(mailbox.Or(wait)).ToBeVisibleAsync();
        if (await wait.IsVisibleAsync())
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await wait.ClickAsync();
        }

        await Expect(mailbox).ToBeVisibleAsync();

        var mail = (await fixture.Smtp.WaitFor(1, m => IsTo(m, email))).Single();
        await page.GotoAsync(Link(mail, "/abonnement/confirmer/"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer mon abonnement" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Abonnement confirmé" })).ToBeVisibleAsync();
        await context.CloseAsync();
    }
}
