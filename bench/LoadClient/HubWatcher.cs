using System.Net.WebSockets;
using System.Text;

namespace AlloIndustrie.Bench.LoadClient;

/// <summary>
/// One browser watching a territory, speaking SignalR's JSON hub protocol over a bare WebSocket. Ten thousand
/// HubConnections (each with its own parser, dispatcher and timers) cost the load client more CPU than the
/// server spends sending, on the same two cores; this keeps the client to a receive loop and a byte search.
/// </summary>
public sealed class HubWatcher : IDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    private readonly ClientWebSocket socket = new();
    private byte[] buffer = new byte[4096];
    private int filled;

    /// <summary>
    /// Opens the WebSocket, completes the handshake and waits for <c>WatchList(territory)</c> to complete, as the
    /// public page's script does: each change then arrives rendered, with nothing left to fetch.
    /// </summary>
    public async Task Connect(Uri hubUrl, string territory, CancellationToken cancellationToken)
    {
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        var webSocketUrl = new UriBuilder(hubUrl) { Scheme = hubUrl.Scheme == "https" ? "wss" : "ws" }.Uri;
        await socket.ConnectAsync(webSocketUrl, cancellationToken);
        await socket.SendAsync(Handshake, WebSocketMessageType.Text, true, cancellationToken);
        var watch = Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"WatchList\",\"arguments\":[\"{territory}\",null,false,\"fr\"]}}\u001e");
        await socket.SendAsync(watch, WebSocketMessageType.Text, true, cancellationToken);

        // The handshake answer, then the invocation's completion (pings may come in between).
        var completion = Encoding.UTF8.GetBytes("\"invocationId\":\"1\"");
        while (true)
        {
            var record = await NextRecord(cancellationToken);
            if (record.AsSpan().IndexOf(completion) >= 0)
            {
                if (record.AsSpan().IndexOf("\"error\""u8) >= 0)
                {
                    throw new InvalidOperationException("Watch failed: " + Encoding.UTF8.GetString(record));
                }

                return;
            }
        }
    }

    /// <summary>Reads records until one contains <paramref name="marker"/>, then returns the moment it arrived.</summary>
    public async Task<long> WaitFor(byte[] marker, CancellationToken cancellationToken)
    {
        while (true)
        {
            var record = await NextRecord(cancellationToken);
            if (record.AsSpan().IndexOf(marker) >= 0)
            {
                return System.Diagnostics.Stopwatch.GetTimestamp();
            }
        }
    }

    /// <summary>The server closes a connection that says nothing for 30 s.</summary>
    public Task KeepAlive(CancellationToken cancellationToken) =>
        socket.SendAsync(Ping, WebSocketMessageType.Text, true, cancellationToken);

    public void Dispose() => socket.Dispose();

    private async Task<byte[]> NextRecord(CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = Array.IndexOf(buffer, RecordSeparator, 0, filled);
            if (end >= 0)
            {
                var record = buffer[..end];
                Buffer.BlockCopy(buffer, end + 1, buffer, 0, filled - end - 1);
                filled -= end + 1;
                return record;
            }

            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var received = await socket.ReceiveAsync(buffer.AsMemory(filled), cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("The server closed the connection.");
            }

            filled += received.Count;
        }
    }
}
