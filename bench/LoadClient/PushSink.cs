using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlloIndustrie.Bench.LoadClient;

/// <summary>
/// A push service that accepts every message (201) and counts it, on loopback: what the benchmark measures is the
/// service's side, so it neither checks VAPID nor decrypts (the tests' stand-in does both).
/// </summary>
public sealed class PushSink : IAsyncDisposable
{
    private readonly WebApplication app;
    private int received;
    private long firstAt;
    private long lastAt;

    private PushSink(WebApplication app) => this.app = app;

    public Uri Origin { get; private set; } = null!;

    public int Received => Volatile.Read(ref received);

    public long? FirstAt => Interlocked.Read(ref firstAt) is var at and not 0 ? at : null;

    public long? LastAt => Interlocked.Read(ref lastAt) is var at and not 0 ? at : null;

    /// <summary>Counts from zero again: after the warm-up notice, only the measured one counts.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref received, 0);
        Interlocked.Exchange(ref firstAt, 0);
        Interlocked.Exchange(ref lastAt, 0);
    }

    public static async Task<PushSink> Start(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var sink = new PushSink(app);
        app.MapPost("/push/{id}", async (HttpContext http) =>
        {
            await http.Request.Body.CopyToAsync(Stream.Null);
            var now = Stopwatch.GetTimestamp();
            Interlocked.CompareExchange(ref sink.firstAt, now, 0);
            Interlocked.Exchange(ref sink.lastAt, now);
            Interlocked.Increment(ref sink.received);
            return Results.StatusCode(StatusCodes.Status201Created);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        sink.Origin = new Uri(address.TrimEnd('/') + "/");
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
