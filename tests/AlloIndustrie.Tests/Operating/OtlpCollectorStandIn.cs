using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AlloIndustrie.Tests.Operating;

/// <summary>
/// An OpenTelemetry collector's OTLP/HTTP receiver over real HTTP on loopback, as the OTLP specification describes
/// it for traces: <c>POST /v1/traces</c> with a binary protobuf <c>ExportTraceServiceRequest</c>
/// (<c>Content-Type: application/x-protobuf</c>, gzip allowed with <c>Content-Encoding</c>), answered 200 with an
/// <c>ExportTraceServiceResponse</c> in protobuf, which for a full success is the empty message (no bytes); another
/// content type is answered 415 and another path 404. It keeps each accepted request's body, undecoded.
/// </summary>
public sealed class OtlpCollectorStandIn : IAsyncDisposable
{
    private const string Protobuf = "application/x-protobuf";

    private readonly WebApplication app;

    private OtlpCollectorStandIn(WebApplication app) => this.app = app;

    /// <summary>The receiver's base address, what a process gets as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The bodies of the trace exports it accepted, in order.</summary>
    public ConcurrentQueue<byte[]> TraceExports { get; } = new();

    /// <summary>Requests it refused, with why.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    /// <summary>The variables that send a process's traces here with OTLP/HTTP, each batch a moment after its spans end.</summary>
    public Dictionary<string, string> Environment() => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint.AbsoluteUri.TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
    };

    public static async Task<OtlpCollectorStandIn> Start()
    {
        var app = LoopbackApp.Create();
        var standIn = new OtlpCollectorStandIn(app);
        app.MapPost("/v1/traces", standIn.Receive);
        app.MapFallback((HttpRequest request) =>
        {
            standIn.Refused.Enqueue($"{request.Method} {request.Path}: no such OTLP path");
            return Results.NotFound();
        });
        await app.StartAsync();
        standIn.Endpoint = LoopbackApp.Address(app);
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<IResult> Receive(HttpRequest request)
    {
        if (request.ContentType?.Split(';')[0].Trim() != Protobuf)
        {
            Refused.Enqueue($"POST /v1/traces with Content-Type {request.ContentType}: only {Protobuf} is handled here");
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        using var body = new MemoryStream();
        if (request.Headers.ContentEncoding == "gzip")
        {
            await using var gzip = new GZipStream(request.Body, CompressionMode.Decompress);
            await gzip.CopyToAsync(body);
        }
        else
        {
            await request.Body.CopyToAsync(body);
        }

        TraceExports.Enqueue(body.ToArray());
        return Results.Bytes([], Protobuf);
    }
}
