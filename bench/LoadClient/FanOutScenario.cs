using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

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

        var received = new long[clients];
        var arrived = 0;
        var everyone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connections = new HubConnection?[clients];
        var failures = new List<string>();

        var rssBefore = webFrontPid > 0 ? ProcessMemory.ResidentKiB(webFrontPid) : 0;
        var connecting = Stopwatch.StartNew();
        for (var start = 0; start < clients; start += batch)
        {
            await Task.WhenAll(Enumerable.Range(start, Math.Min(batch, clients - start)).Select(async index =>
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(hubUrl, options =>
                    {
                        options.Transports = HttpTransportType.WebSockets;
                        options.SkipNegotiation = true;
                    })
                    .Build();
                connection.ServerTimeout = TimeSpan.FromMinutes(2);
                connection.On<JsonElement>("noticeChanged", notice =>
                {
                    if (notice.GetProperty("title").GetString() == marker && Interlocked.CompareExchange(ref received[index], Stopwatch.GetTimestamp(), 0) == 0
                        && Interlocked.Increment(ref arrived) == clients)
                    {
                        everyone.TrySetResult();
                    }
                });
                try
                {
                    await connection.StartAsync();
                    await connection.InvokeAsync("Watch", arguments.Territory);
                    connections[index] = connection;
                }
                catch (Exception error)
                {
                    lock (failures)
                    {
                        failures.Add(error.GetType().Name + ": " + error.Message);
                    }

                    await connection.DisposeAsync();
                }
            }));
        }

        connecting.Stop();
        var connected = connections.Count(c => c is not null);
        if (connected < clients)
        {
            // Those that never connected will never receive: stop waiting for them.
            Interlocked.Add(ref arrived, clients - connected);
        }

        // Let the server settle (allocations of the handshakes collected) before reading its idle footprint.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var rssAfter = webFrontPid > 0 ? ProcessMemory.ResidentKiB(webFrontPid) : 0;

        using var http = new HttpClient { BaseAddress = arguments.BaseUrl };
        var publisher = new Operator(http, arguments.Territory, arguments.Credentials);
        var published = await publisher.Publish(marker);
        var postAnswered = Stopwatch.GetElapsedTime(published.SentAt).TotalMilliseconds;
        await Task.WhenAny(everyone.Task, Task.Delay(deliveryTimeout));

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
        for (var start = 0; start < clients; start += batch)
        {
            await Task.WhenAll(connections.Skip(start).Take(batch).OfType<HubConnection>().Select(c => c.DisposeAsync().AsTask()));
        }

        return 0;
    }
}
