using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace AlloIndustrie.Bench.LoadClient;

/// <summary>An SMTP server on loopback that accepts every message: it keeps confirmation links and counts notice mails.</summary>
public sealed class MailSink : IAsyncDisposable
{
    private readonly CancellationTokenSource running = new();
    private readonly ConcurrentQueue<string> confirmations = new();
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

    public static MailSink Start(int port)
    {
        var sink = new MailSink();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(sink));
        sink.serving = new SmtpServer.SmtpServer(options, services).StartAsync(sink.running.Token);
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

    public async ValueTask DisposeAsync()
    {
        await running.CancelAsync();
        try
        {
            await serving;
        }
        catch (OperationCanceledException)
        {
        }

        running.Dispose();
    }

    private sealed class Store(MailSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            sink.Accept(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
