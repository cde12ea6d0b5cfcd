using AlloIndustrie.Tests.Processes;
using Microsoft.Playwright;
using Xunit;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>
/// One running service, one signed-in HTTP session per demo role and one headless Chromium, shared by the
/// dashboard's end-to-end tests.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string Rouen = "rouen-metropole";
    public const string Havre = "le-havre-seine";
    public const string Refinery = "raffinerie-petit-couronne";
    public const string Chemicals = "chimie-grand-quevilly";
    public const string Depot = "depot-rouen-port";
    public const string Terminal = "terminal-methanier";
    public const string Fertiliser = "engrais-havre";

    /// <summary>A territory no demo account but the super administrator oversees.</summary>
    public const string Third = "vallee-de-test";

    private readonly Dictionary<string, DashboardSession> sessions = [];
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>
    /// A second web front on the same silo, set up unlike the first: it requires secure cookies (so serves the
    /// dashboard over HTTPS only, here through a pretend TLS proxy on loopback) and gives the audio preview no
    /// time at all, as if the synthesiser were stuck.
    /// </summary>
    public const int StrictFront = 1;

    /// <summary>
    /// A third web front on the same silo, which believes forwarded headers only from a proxy at
    /// <see cref="OnlyTrustedProxy"/>: not from the tests' loopback.
    /// </summary>
    public const int DistrustingFront = 2;

    /// <summary>A documentation address: no request of these tests comes from it.</summary>
    public const string OnlyTrustedProxy = "192.0.2.1";

    public DashboardFixture()
    {
        // Many sign-ins come from one loopback address here; the per-account limit stays at its default.
        Service = new(
            new Dictionary<string, string>
            {
                ["Allo__Dashboard__LoginAttemptsPerAddressPerMinute"] = "10000",
                ["Allo__Speech__EspeakPath"] = Speech.EspeakPath,
            },
            webFronts: 3,
            webFrontSettings: new Dictionary<int, IReadOnlyDictionary<string, string>>
            {
                [StrictFront] = new Dictionary<string, string>
                {
                    ["Allo__Dashboard__SecureCookiesOnly"] = "true",
                    ["Allo__Dashboard__AudioPreviewTimeout"] = "00:00:00.001",
                },
                [DistrustingFront] = new Dictionary<string, string>
                {
                    ["Allo__Proxy__KnownProxies"] = OnlyTrustedProxy,
                },
            });
    }

    public RunningService Service { get; }

    /// <summary>The service's speech synthesiser, which a test may hold.</summary>
    public SpeechGate Speech { get; } = new();

    public DemoCredentials Credentials => Service.Credentials;

    public DemoOperator Operator => Credentials.Operators.Single(o => o.Territory == Rouen);

    public DemoTerritoryAdmin TerritoryAdmin => Credentials.TerritoryAdmins.Single(a => a.Territory == Rouen);

    public DemoAuthority Authority => Credentials.Authorities.Single();

    public async Task InitializeAsync()
    {
        await Service.Start();
        var admin = await Session(Role.SuperAdmin);
        var created = await admin.Post("/tableau-de-bord/administration?handler=Territory", new() { ["slug"] = Third, ["name"] = "Vallée de test" });
        Assert.Equal(System.Net.HttpStatusCode.OK, created.StatusCode);
    }

    /// <summary>The shared signed-in session of a demo role.</summary>
    public async Task<DashboardSession> Session(Role role)
    {
        if (!sessions.TryGetValue(role.ToString(), out var session))
        {
            var (email, password) = Login(role);
            session = await DashboardSession.SignIn(Service.BaseAddress, email, password);
            sessions[role.ToString()] = session;
        }

        return session;
    }

    public (string Email, string Password) Login(Role role) => role switch
    {
        Role.Operator => (Operator.Email, Operator.Password),
        Role.TerritoryAdmin => (TerritoryAdmin.Email, TerritoryAdmin.Password),
        Role.Authority => (Authority.Email, Authority.Password),
        Role.SuperAdmin => (Credentials.Admin.Email, Credentials.Admin.Password),
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public async Task<IBrowser> Browser()
    {
        if (browser is null)
        {
            playwright = await Playwright.CreateAsync();
            browser = await Chromium.Launch(playwright);
        }

        return browser;
    }

    /// <summary>A fresh browser context on the first web front, as a French reader in Paris on a phone or a 1366 px laptop.</summary>
    public async Task<IPage> NewPage(bool phone)
    {
        var context = await (await Browser()).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Service.BaseAddress.ToString(),
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 768 },
            IsMobile = phone,
            HasTouch = phone,
        });
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser context signed in through the sign-in form.</summary>
    public async Task<IPage> SignedInPage(Role role, bool phone = false)
    {
        var page = await NewPage(phone);
        var (email, password) = Login(role);
        await SignIn(page, email, password);
        return page;
    }

    public static async Task SignIn(IPage page, string email, string password)
    {
        await page.GotoAsync("/tableau-de-bord/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Bonjour");
    }

    public async Task DisposeAsync()
    {
        foreach (var session in sessions.Values)
        {
            session.Dispose();
        }

        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        Speech.Dispose();
        await Service.DisposeAsync();
    }
}
