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
        var marker = $"Fan-out {clients} {Guid.NewGuid():N}";
        var markerBytes = System.Text.Encoding.UTF8.GetBytes(marker);

        var received = new long[clients];
        var watchers = new HubWatcher?[clients];
        var failures = new List<string>();
        using var stop = new CancellationTokenSource();

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
        Console.Error.WriteLine($"fanout: {connected} connected in {connecting.Elapsed.TotalSeconds:0.0} s; publishing in 3 s");
        var keepAlive = KeepAlive(watchers, stop.Token);
        var arrivals = watchers.Select(async (watcher, index) =>
        {
            if (watcher is not null)
            {
                received[index] = await watcher.WaitFor(markerBytes, stop.Token);
            }
        }).ToArray();

        // Let the server settle (allocations of the handshakes collected) before reading its idle footprint.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var rssAfter = webFrontPid > 0 ? ProcessMemory.ResidentKiB(webFrontPid) : 0;

        using var http = new HttpClient { BaseAddress = arguments.BaseUrl };
        var publisher = new Operator(http, arguments.Territory, arguments.Credentials);
        var published = await publisher.Publish(marker);
        var postAnswered = Stopwatch.GetElapsedTime(published.SentAt).TotalMilliseconds;
        await Task.WhenAny(Task.WhenAll(arrivals), Task.Delay(deliveryTimeout));

        var delivery = new Latencies();
        foreach (var at in received.Where(at => at != 0))
        {
            delivery.Add(Stopwatch.GetElapsedTime(published.SentAt, at).TotalMilliseconds);
        }

        Console.WriteLine($"| {clients:N0} | {connected:N0} | {connecting.Elapsed.TotalSeconds:0.0} s | {delivery.Count:N0} | "
            + $"{Latencies.Ms(postAnswered)} | {Latencies.Ms(delivery.Percentile(50))} | {Latencies.Ms(delivery.Percentile(99))} | {Latencies.Ms(delivery.Max)} | "
            + $"{rssBefore / 1024.0:0} → {rssAfter / 1024.0:0} MiB | {(connected > 0 ? (rssAfter - rssBefore) / (double)connected : 0):0.0} KiB |");
        foreach (var (message, count) in failures.CountBy(f => f).OrderByDescending(f => f.Value).Take(3))
        {
            Console.Error.WriteLine($"fanout: {count} connections failed: {message}");
        }

        await publisher.Withdraw(published);
        await stop.CancelAsync();
        await Task.WhenAll(arrivals.Append(keepAlive).Select(task => task.ContinueWith(_ => { }, TaskScheduler.Default)));
        foreach (var watcher in watchers)
        {
            watcher?.Dispose();
        }

        return 0;
    }

    private static async Task KeepAlive(HubWatcher?[] watchers, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            foreach (var watcher in watchers)
            {
                if (watcher is not null)
                {
                    await watcher.KeepAlive(cancellationToken);
                }
            }
        }
    }
}
