using System.Net;
using System.Net.Sockets;
using AlloIndustrie.Tests.Processes;
using Microsoft.Playwright;
using Xunit;

namespace AlloIndustrie.Tests.Reports;

/// <summary>
/// One running service, set for quick reports (little work, a short wait without script, three sources make a
/// cluster, five reports per client and hour), and one headless Debian Chromium, shared by the reports' tests.
/// </summary>
public sealed class ReportsFixture : IAsyncLifetime
{
    public const int ProofBits = 8;
    public const int PerClientPerHour = 5;

    private IPlaywright? playwright;
    private IBrowser? browser;

    public RunningService Service { get; } = new(new Dictionary<string, string>
    {
        ["Allo__Reports__ProofBits"] = ProofBits.ToString(),
        ["Allo__Reports__ClusterThreshold"] = "3",
        ["Allo__Reports__FormDelay"] = "00:00:01",
        ["Allo__Reports__PerClientPerHour"] = PerClientPerHour.ToString(),
    });

    public async Task InitializeAsync()
    {
        await Service.Start();
        playwright = await Playwright.CreateAsync();
        browser = await Chromium.Launch(playwright);
    }

    /// <summary>A page in a fresh browser context; with <paramref name="position"/>, the browser grants and gives that position.</summary>
    public async Task<IPage> NewPage(Geolocation? position = null)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Service.BaseAddress.ToString(),
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            Geolocation = position,
            Permissions = position is null ? null : ["geolocation"],
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A client that connects from its own loopback address (127.0.0.<paramref name="host"/>): to the service it
    /// is another resident, with its own limits and its own source.
    /// </summary>
    public HttpClient From(int host)
    {
        var local = new IPEndPoint(IPAddress.Parse($"127.0.0.{host}"), 0);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellation) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(local);
                    await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = Service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
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
