using System.Diagnostics;

namespace AlloIndustrie.Bench.LoadClient;

/// <summary>
/// N browsers watching one territory over WebSockets: connects them in batches, measures the web front's memory
/// per idle connection, publishes one notice and times its arrival at every client.
/// </summary>
public static class FanOutScenario
{
    public static async Task<int> Run(Arguments arguments)
    {
        var clients = arguments.Number("clients", 1000);
        var batch = arguments.Number("batch", 200);
        var webFrontPid = arguments.Number("webfront-pid", 0);
        var deliveryTimeout = TimeSpan.FromSeconds(arguments.Number("timeout", 30));
        var hubUrl = new Uri(arguments.BaseUrl, "hubs/notices");
        var rounds = arguments.Number("rounds", 1);

        var watchers = new HubWatcher?[clients];
        var failures = new List<string>();
        using var stop = new CancellationTokenSource();

        // The operator's side warm (its connection open, its HTTP and JSON code compiled) before anyone watches: the
        // figure is the service's, not the first request of a load client busy with thousands of sockets.
        using var http = new HttpClient { BaseAddress = arguments.BaseUrl };
        var publisher = new Operator(http, arguments.Territory, arguments.Credentials);
        await publisher.Withdraw(await publisher.Publish($"Fan-out warm-up {Guid.NewGuid():N}"));

        var rssBefore = webFrontPid > 0 ? ProcessMemory.ResidentKiB(webFrontPid) : 0;
        var connecting = Stopwatch.StartNew();
        for (var start = 0; start < clients; start += batch)
        {
            await Task.WhenAll(Enumerable.Range(start, Math.Min(batch, clients - start)).Select(async index =>
            {
                var watcher = new HubWatcher();
                try
                {
                    using var connectTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                    await watcher.Connect(hubUrl, arguments.Territory, connectTimeout.Token);
                    watchers[index] = watcher;
                }
                catch (Exception error)
                {
                    lock (failures)
                    {
                        failures.Add(error.GetType().Name + ": " + error.Message);
                    }

                    watcher.Dispose();
                }
            }));
        }

        connecting.Stop();
        var connected = watchers.Count(w => w is not null);
        Console.Error.WriteLine($"fanout: {connected} connected in {connecting.Elapsed.TotalSeconds:0.0} s; publishing in 3 s, {rounds} times");
        var keepAlive = KeepAlive(watchers, stop.Token);

        // Let the server settle (allocations of the handshakes collected) before reading its idle footprint.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var rssAfter = webFrontPid > 0 ? ProcessMemory.ResidentKiB(webFrontPid) : 0;

        // Several publications to the same clients, each measured alone: one run's p99 moves by half from one run to
        // the next (a garbage collection, the audio of the previous notice), the pooled figure much less.
        var metrics = arguments.Text("webfront-metrics", "") is { Length: > 0 } url ? new Uri(url) : null;
        var delivery = new Latencies();
        var postAnswered = new Latencies();
        var arrivals = new List<Task>();
        for (var round = 1; round <= rounds; round++)
        {
            var marker = System.Text.Encoding.UTF8.GetBytes($"Fan-out {clients} {Guid.NewGuid():N}");
            var received = new long[clients];
            var waiting = watchers.Select(async (watcher, index) =>
            {
                if (watcher is not null)
                {
                    received[index] = await watcher.WaitFor(marker, stop.Token);
                }
            }).ToArray();
            arrivals.AddRange(waiting);

            var pausedBefore = await GcPause(http, metrics);
            var (serverBefore, clientBefore) = (ProcessMemory.CpuMs(webFrontPid), ProcessMemory.CpuMs(Environment.ProcessId));
            var published = await publisher.Publish(System.Text.Encoding.UTF8.GetString(marker));
            postAnswered.Add(Stopwatch.GetElapsedTime(published.SentAt).TotalMilliseconds);
            await Task.WhenAny(Task.WhenAll(waiting), Task.Delay(deliveryTimeout));
            var (serverCpu, clientCpu) = (ProcessMemory.CpuMs(webFrontPid) - serverBefore, ProcessMemory.CpuMs(Environment.ProcessId) - clientBefore);
            var thisRound = new Latencies();
            foreach (var at in received.Where(at => at != 0))
            {
                var took = Stopwatch.GetElapsedTime(published.SentAt, at).TotalMilliseconds;
                thisRound.Add(took);
                delivery.Add(took);
            }

            var paused = metrics is null ? "" : $", the web front's GC paused {(await GcPause(http, metrics) - pausedBefore) * 1000:0} ms";
            Console.Error.WriteLine($"fanout: round {round}: {thisRound.Count} received, first {Latencies.Ms(thisRound.Percentile(0))}, p99 {Latencies.Ms(thisRound.Percentile(99))}, "
                + $"CPU web front {serverCpu} ms, load client {clientCpu} ms{paused}");
            await publisher.Withdraw(published);
            // The notice's audio, ready a second or two later, is a second change told to every client: not in the next round.
            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        Console.WriteLine($"| {clients:N0} | {connected:N0} | {connecting.Elapsed.TotalSeconds:0.0} s | {delivery.Count:N0} of {connected * rounds:N0} | "
            + $"{Latencies.Ms(postAnswered.Percentile(50))} | {Latencies.Ms(delivery.Percentile(0))} | {Latencies.Ms(delivery.Percentile(50))} | {Latencies.Ms(delivery.Percentile(99))} | {Latencies.Ms(delivery.Max)} | "
            + $"{rssBefore / 1024.0:0} → {rssAfter / 1024.0:0} MiB | {(connected > 0 ? (rssAfter - rssBefore) / (double)connected : 0):0.0} KiB |");
        foreach (var (message, count) in failures.CountBy(f => f).OrderByDescending(f => f.Value).Take(3))
        {
            Console.Error.WriteLine($"fanout: {count} connections failed: {message}");
        }

        await stop.CancelAsync();
        await Task.WhenAll(arrivals.Append(keepAlive).Select(task => task.ContinueWith(_ => { }, TaskScheduler.Default)));
        foreach (var watcher in watchers)
        {
            watcher?.Dispose();
        }

        return 0;
    }

    /// <summary>The web front's total GC pause so far, in seconds, from its Prometheus endpoint.</summary>
    private static async Task<double> GcPause(HttpClient http, Uri? metrics)
    {
        if (metrics is null)
        {
            return 0;
        }

        var line = (await http.GetStringAsync(metrics)).Split('\n').First(l => l.StartsWith("dotnet_gc_pause_time_seconds_total", StringComparison.Ordinal));
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A ping from each client every 10 s, a tenth of them each second: browsers ping at their own moments, and all of
    /// them at once would land a burst of 10,000 messages on the server in the middle of a delivery now and then.
    /// </summary>
    private static async Task KeepAlive(HubWatcher?[] watchers, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        for (var tick = 0; await timer.WaitForNextTickAsync(cancellationToken); tick = (tick + 1) % 10)
        {
            for (var index = tick; index < watchers.Length; index += 10)
            {
                if (watchers[index] is { } watcher)
                {
                    await watcher.KeepAlive(cancellationToken);
                }
            }
        }
    }
}
