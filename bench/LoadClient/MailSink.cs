using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace AlloIndustrie.Bench.LoadClient;

/// <summary>
/// An SMTP server on loopback that accepts every message: it keeps confirmation links and counts notice mails.
/// Its own few lines of SMTP rather than a library's server, for one reason: its sockets have Nagle's algorithm off,
/// so that, as with a relay that avoids those delays, replies are not held 40 ms for an acknowledgement and the
/// figures are the service's (the kept SmtpServer package offers no way to turn it off).
/// </summary>
public sealed class MailSink : IAsyncDisposable
{
    private readonly CancellationTokenSource running = new();
    private readonly ConcurrentQueue<string> confirmations = new();
    private readonly TcpListener listener;
    private Task serving = Task.CompletedTask;
    private int notices;
    private long firstAt;
    private long lastAt;

    public int Notices => Volatile.Read(ref notices);

    public long? FirstAt => Interlocked.Read(ref firstAt) is var at and not 0 ? at : null;

    public long? LastAt => Interlocked.Read(ref lastAt) is var at and not 0 ? at : null;

    /// <summary>Counts from zero again: after the warm-up notice, only the measured one counts.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref notices, 0);
        Interlocked.Exchange(ref firstAt, 0);
        Interlocked.Exchange(ref lastAt, 0);
    }

    private MailSink(int port) => listener = new TcpListener(IPAddress.Loopback, port);

    public static MailSink Start(int port)
    {
        var sink = new MailSink(port);
        sink.listener.Start();
        sink.serving = sink.Serve();
        return sink;
    }

    /// <summary>The confirmation links received since the last call.</summary>
    public List<string> TakeConfirmations()
    {
        var links = new List<string>();
        while (confirmations.TryDequeue(out var link))
        {
            links.Add(link);
        }

        return links;
    }

    private void Accept(MimeMessage message)
    {
        var text = message.TextBody ?? "";
        var at = text.IndexOf("/abonnement/confirmer/", StringComparison.Ordinal);
        if (at >= 0)
        {
            var start = text.LastIndexOf("http", at, StringComparison.Ordinal);
            var end = text.IndexOfAny([' ', '\r', '\n'], at);
            confirmations.Enqueue(text[start..(end < 0 ? text.Length : end)]);
            return;
        }

        var now = Stopwatch.GetTimestamp();
        Interlocked.CompareExchange(ref firstAt, now, 0);
        Interlocked.Exchange(ref lastAt, now);
        Interlocked.Increment(ref notices);
    }

    private async Task Serve()
    {
        var sessions = new List<Task>();
        try
        {
            while (true)
            {
                var socket = await listener.AcceptSocketAsync(running.Token);
                socket.NoDelay = true;
                sessions.Add(Session(socket));
            }
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(sessions);
    }

    /// <summary>One client's conversation: EHLO, then any number of MAIL, RCPT, DATA, until QUIT.</summary>
    private async Task Session(Socket socket)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);

        // Latin-1 maps every byte to one char and back: the message's bytes reach MimeKit as they were sent.
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n" };
        try
        {
            await Reply(writer, "220 localhost ESMTP bench sink");
            while (await reader.ReadLineAsync(running.Token) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await Reply(writer, "250-localhost\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 10485760");
                        break;
                    case "DATA":
                        await Reply(writer, "354 End data with <CR><LF>.<CR><LF>");
                        var message = new StringBuilder();
                        while (await reader.ReadLineAsync(running.Token) is { } body && body != ".")
                        {
                            // Dot-stuffing (RFC 5321 4.5.2) undone.
                            message.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                        }

                        using (var bytes = new MemoryStream(Encoding.Latin1.GetBytes(message.ToString())))
                        {
                            Accept(await MimeMessage.LoadAsync(bytes, running.Token));
                        }

                        await Reply(writer, "250 OK");
                        break;
                    case "QUIT":
                        await Reply(writer, "221 Bye");
                        return;
                    case "HELO" or "MAIL" or "RCPT" or "RSET" or "NOOP":
                        await Reply(writer, "250 OK");
                        break;
                    default:
                        await Reply(writer, "502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
        {
        }
    }

    private static async Task Reply(StreamWriter writer, string reply)
    {
        await writer.WriteLineAsync(reply);
        await writer.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await running.CancelAsync();
        listener.Stop();
        await serving;
        running.Dispose();
    }
}
