using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace AlloIndustrie.Bench.LoadClient;

/// <summary>
/// From the operator's POST to the notice being on every channel: received over SignalR, listed by the JSON API,
/// indexed in the CAP feed, and with its audio ready. The three HTTP channels are polled as a reader would.
/// </summary>
public static class PublishScenario
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan ChannelTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> Run(Arguments arguments)
    {
        var count = arguments.Number("count", 30);
        var territory = arguments.Territory;
        using var http = new HttpClient { BaseAddress = arguments.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var publisher = new Operator(http, territory, arguments.Credentials);

        var arrivals = new ConcurrentDictionary<string, TaskCompletionSource<long>>(StringComparer.Ordinal);
        TaskCompletionSource<long> Arrival(string title) =>
            arrivals.GetOrAdd(title, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

        await using var live = new HubConnectionBuilder()
            .WithUrl(new Uri(arguments.BaseUrl, "hubs/notices"), options => options.Transports = HttpTransportType.WebSockets)
            .Build();
        live.On<JsonElement>("noticeChanged", notice => Arrival(notice.GetProperty("title").GetString()!).TrySetResult(Stopwatch.GetTimestamp()));
        await live.StartAsync();
        await live.InvokeAsync("Watch", territory);

        var channels = new (string Name, Latencies Times)[]
        {
            ("(a) SignalR `noticeChanged`", new()), ("(b) JSON API list", new()), ("(c) `cap.atom`", new()), ("(d) `audioUrl` set", new()),
        };
        var post = new Latencies();
        var missed = 0;

        for (var i = 0; i < count; i++)
        {
            var marker = $"Mesure {i} {Guid.NewGuid():N}";
            var arrival = Arrival(marker);
            var notice = await publisher.Publish(marker);
            post.Since(notice.SentAt);
            using var deadline = new CancellationTokenSource(ChannelTimeout);
            var reached = await Task.WhenAll(
                Reached(arrival.Task, deadline.Token),
                Poll(http, $"api/v1/territories/{territory}/notices", body => body.Contains(notice.Id, StringComparison.Ordinal), deadline.Token),
                Poll(http, $"{territory}/cap.atom", body => body.Contains(notice.Id, StringComparison.Ordinal), deadline.Token),
                Poll(http, $"api/v1/notices/{notice.Id}", HasAudio, deadline.Token));
            for (var c = 0; c < channels.Length; c++)
            {
                if (reached[c] is { } at)
                {
                    channels[c].Times.Add(Stopwatch.GetElapsedTime(notice.SentAt, at).TotalMilliseconds);
                }
                else
                {
                    missed++;
                }
            }

            await publisher.Withdraw(notice);
        }

        Console.WriteLine($"| POST answered (201) | {post.Count} | {Latencies.Ms(post.Percentile(50))} | {Latencies.Ms(post.Percentile(99))} | {Latencies.Ms(post.Max)} |");
        foreach (var (name, times) in channels)
        {
            Console.WriteLine($"| {name} | {times.Count} | {Latencies.Ms(times.Percentile(50))} | {Latencies.Ms(times.Percentile(99))} | {Latencies.Ms(times.Max)} |");
        }

        Console.WriteLine();
        Console.WriteLine($"{count} publications one after another, each withdrawn once measured; HTTP channels polled every {PollInterval.TotalMilliseconds:0} ms; {missed} channel arrivals missed the {ChannelTimeout.TotalSeconds:0} s limit.");
        return missed == 0 ? 0 : 1;
    }

    private static async Task<long?> Reached(Task<long> arrival, CancellationToken deadline)
    {
        try
        {
            return await arrival.WaitAsync(deadline);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static async Task<long?> Poll(HttpClient http, string path, Func<string, bool> found, CancellationToken deadline)
    {
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                using var response = await http.GetAsync(path, deadline);
                var seenAt = Stopwatch.GetTimestamp();
                if (response.IsSuccessStatusCode && found(await response.Content.ReadAsStringAsync(deadline)))
                {
                    return seenAt;
                }

                await Task.Delay(PollInterval, deadline);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        return null;
    }

    private static bool HasAudio(string notice)
    {
        using var json = JsonDocument.Parse(notice);
        return json.RootElement.TryGetProperty("audioUrl", out var url) && url.ValueKind == JsonValueKind.String;
    }
}
