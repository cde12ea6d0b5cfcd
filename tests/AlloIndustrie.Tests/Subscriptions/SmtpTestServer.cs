using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace AlloIndustrie.Tests.Subscriptions;

/// <summary>
/// A real SMTP server on loopback, in the test process (the SmtpServer package): it parses every message it accepts
/// with MimeKit, can refuse recipients (550, a hard bounce), hold messages before answering (to catch the sender
/// mid-delivery) and be stopped and started again on the same port (a relay that refuses connections).
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private readonly ConcurrentDictionary<string, bool> refused = new(StringComparer.OrdinalIgnoreCase);
    private CancellationTokenSource? running;
    private Task? serving;
    private TaskCompletionSource holding = Released();
    private int inFlight;
    private int maxInFlight;

    private SmtpTestServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>The most messages the server had in hand at once.</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>Messages being received now (waiting while held).</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    public IReadOnlyList<MimeMessage> Received => [.. received];

    public static SmtpTestServer Start()
    {
        var server = new SmtpTestServer(FreePort());
        server.Resume();
        return server;
    }

    /// <summary>The settings that point the silo's e-mail channel at this server.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Allo:Smtp:Host"] = "127.0.0.1",
        ["Allo:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Allo:Smtp:From"] = "AlloIndustrie <avis@alloindustrie.test>",
    };

    /// <summary>Listens (again) on the port.</summary>
    public void Resume()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        running = new CancellationTokenSource();
        serving = new SmtpServer.SmtpServer(options, services).StartAsync(running.Token);
    }

    /// <summary>Stops listening: connections are refused until <see cref="Resume"/>.</summary>
    public async Task Stop()
    {
        if (running is null)
        {
            return;
        }

        await running.CancelAsync();
        try
        {
            await serving!;
        }
        catch (OperationCanceledException)
        {
        }

        running.Dispose();
        running = null;
    }

    /// <summary>Keeps every message waiting before the server answers its data, until <see cref="Release"/>.</summary>
    public void Hold() => holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => holding.TrySetResult();

    /// <summary>Answers 550 to this recipient.</summary>
    public void Refuse(string address) => refused[address] = true;

    /// <summary>Waits until <paramref name="count"/> messages match.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitFor(int count, Func<MimeMessage, bool>? where = null)
    {
        List<MimeMessage> matching = [];
        await Polling.Eventually($"{count} messages", TimeSpan.FromSeconds(60), () =>
        {
            matching = received.Where(where ?? (_ => true)).ToList();
            return Task.FromResult(matching.Count >= count);
        }, () => $"{matching.Count} of {count} messages arrived.");
        return matching;
    }

    /// <summary>Messages to one address.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    public async ValueTask DisposeAsync()
    {
        Release();
        await Stop();
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(SmtpTestServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref server.inFlight);
            int max;
            while (now > (max = Volatile.Read(ref server.maxInFlight)) && Interlocked.CompareExchange(ref server.maxInFlight, now, max) != max)
            {
            }

            try
            {
                await server.holding.Task.WaitAsync(cancellationToken);
                using var stream = new MemoryStream(buffer.ToArray());
                server.received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
                return SmtpResponse.Ok;
            }
            finally
            {
                Interlocked.Decrement(ref server.inFlight);
            }
        }
    }

    private sealed class Filter(SmtpTestServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!server.refused.ContainsKey($"{to.User}@{to.Host}"));
    }
}
