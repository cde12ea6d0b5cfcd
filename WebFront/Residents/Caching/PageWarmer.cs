using System.Threading.Channels;
using AlloIndustrie.WebFront.Hosting;
using AlloIndustrie.WebFront.Hosting.Health;
using AlloIndustrie.WebFront.Residents.Http;
using AlloIndustrie.WebFront.Residents.Reading;
using Microsoft.AspNetCore.Hosting.Server;

namespace AlloIndustrie.WebFront.Residents.Caching;

/// <summary>
/// Renders the pages residents open first before any of them asks: every territory's page and live list once the
/// node listens (which also compiles the whole rendering path before the first reader, on a node restarted in
/// the middle of an incident), and a territory's again as soon as its notices change, so that the surge of
/// readers after a publication finds the page rendered and compressed. It asks the node itself over HTTP, so
/// that what it warms is exactly what a browser gets. The node reports itself ready once the first round is over.
/// </summary>
public sealed class PageWarmer(IHttpClientFactory clients, IServer server, IHostApplicationLifetime lifetime, PublicNoticeReader reader, StaticAssets assets, StartupWarmUp warmUp, ILogger<PageWarmer> logger)
    : BackgroundService
{
    public const string HttpClientName = "page-warmer";

    private readonly Channel<string> changed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The territory's notices changed: render its pages again now.</summary>
    public void Changed(string territory) => changed.Writer.TryWrite(territory);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var client = clients.CreateClient(HttpClientName);
        try
        {
            client.BaseAddress = new Uri(LocalAddress.BaseUrl(server));
            await Get(client, "/", stoppingToken);
            foreach (var territory in await reader.Territories())
            {
                await Warm(client, territory.Slug, stoppingToken);
            }
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            // A timeout too: warming is never a reason for the node to stop.
            logger.LogInformation(error, "Could not render the territories' pages at start; they will be rendered on first request");
        }
        finally
        {
            warmUp.Finished();
        }

        await Task.Run(assets.Prepare, stoppingToken);

        if (client.BaseAddress is null)
        {
            return;
        }

        await foreach (var territory in changed.Reader.ReadAllAsync(stoppingToken))
        {
            // Several changes in a row need one rendering of the latest state only.
            while (changed.Reader.TryPeek(out var next) && next == territory)
            {
                changed.Reader.TryRead(out _);
            }

            await Warm(client, territory, stoppingToken);
        }
    }

    private static async Task Warm(HttpClient client, string territory, CancellationToken cancellation)
    {
        await Get(client, $"/{territory}", cancellation);
        await Get(client, $"/{territory}/live", cancellation);
    }

    private static async Task Get(HttpClient client, string path, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        }
        catch (Exception) when (!cancellation.IsCancellationRequested)
        {
            // A page that cannot be rendered now (or not within the timeout, on a saturated node) is rendered
            // by its first reader, as without warming; warming is never a reason for the node to stop.
        }
    }
}
