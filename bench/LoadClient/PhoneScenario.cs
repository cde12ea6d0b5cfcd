using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace AlloIndustrie.Bench.LoadClient;

/// <summary>
/// Concurrent callers, each a new CallSid: the incoming call, then a few menu choices following the TwiML's
/// action as Twilio would, then the status callback. Runs for a bounded time and request count. With
/// <c>--think-ms</c>, each caller waits about that long (±50 %) between two webhooks of a call, as a person
/// listening then pressing a key does (Twilio only calls back once a message has been played or a key
/// pressed); without it, callers fire back to back and the figures are the line's saturation.
/// </summary>
public static partial class PhoneScenario
{
    private const int MenuChoicesPerCall = 3;

    public static async Task<int> Run(Arguments arguments)
    {
        var calls = arguments.Number("calls", 200);
        var duration = TimeSpan.FromSeconds(arguments.Number("seconds", 20));
        var maxRequests = arguments.Number("max-requests", 200_000);
        var to = arguments.Text("to", "+33805760001");
        var think = TimeSpan.FromMilliseconds(arguments.Number("think-ms", 0));
        var baseUrl = arguments.BaseUrl.ToString().TrimEnd('/');
        var signer = new TwilioSigner(arguments.Credentials.TwilioAuthToken);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = calls * 2 }) { BaseAddress = arguments.BaseUrl };

        var incoming = new Latencies();
        var menu = new Latencies();
        var status = new Latencies();
        var errors = 0;
        var requests = 0;
        var stop = Stopwatch.StartNew();

        async Task<string?> Post(string pathAndQuery, Dictionary<string, string> parameters, Latencies into)
        {
            Interlocked.Increment(ref requests);
            using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery.TrimStart('/')) { Content = new FormUrlEncodedContent(parameters) };
            request.Headers.Add("X-Twilio-Signature", signer.Sign(baseUrl + pathAndQuery, parameters));
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            into.Since(started);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref errors);
                return null;
            }

            return body;
        }

        async Task Pause()
        {
            if (think > TimeSpan.Zero)
            {
                await Task.Delay(think * (0.5 + Random.Shared.NextDouble()));
            }
        }

        async Task Caller()
        {
            // Callers do not all ring in the same millisecond.
            await Pause();
            while (stop.Elapsed < duration && Volatile.Read(ref requests) < maxRequests)
            {
                var call = new Dictionary<string, string>
                {
                    ["AccountSid"] = "AC00000000000000000000000000000000",
                    ["ApiVersion"] = "2010-04-01",
                    ["CallSid"] = "CA" + Guid.NewGuid().ToString("N"),
                    ["CallStatus"] = "in-progress",
                    ["Direction"] = "inbound",
                    ["From"] = "+33600000000",
                    ["Caller"] = "+33600000000",
                    ["To"] = to,
                    ["Called"] = to,
                };
                var twiml = await Post("/voice/incoming", call, incoming);
                for (var choice = 0; choice < MenuChoicesPerCall && twiml is not null && Action(twiml) is { } action; choice++)
                {
                    await Pause();
                    twiml = await Post(action, new Dictionary<string, string>(call) { ["Digits"] = "2" }, menu);
                }

                await Pause();
                await Post("/voice/status", new Dictionary<string, string>(call) { ["CallStatus"] = "completed", ["CallDuration"] = "42" }, status);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, calls).Select(_ => Task.Run(Caller)));
        var seconds = stop.Elapsed.TotalSeconds;

        foreach (var (route, latencies) in new[] { ("/voice/incoming", incoming), ("/voice/menu", menu), ("/voice/status", status) })
        {
            Console.WriteLine($"| `{route}` | {latencies.Count:N0} | {latencies.Count / seconds:0} | {Latencies.Ms(latencies.Percentile(50))} | "
                + $"{Latencies.Ms(latencies.Percentile(99))} | {Latencies.Ms(latencies.Max)} |");
        }

        Console.WriteLine();
        var pace = think > TimeSpan.Zero ? $"about {think.TotalMilliseconds:0} ms between two webhooks of a call" : "back to back";
        Console.WriteLine($"{calls} concurrent callers, {pace}, for {seconds:0.0} s: {requests:N0} requests, {errors} answered with an error.");
        return errors == 0 ? 0 : 1;
    }

    /// <summary>The path and query of the menu's action (or redirect), as the TwiML gives it, relative to the public URL.</summary>
    private static string? Action(string twiml)
    {
        var match = ActionPattern().Match(twiml);
        if (!match.Success)
        {
            return null;
        }

        var url = new Uri(WebUtility.HtmlDecode(match.Groups[1].Value));
        return url.PathAndQuery;
    }

    [GeneratedRegex("action=\"([^\"]+)\"")]
    private static partial Regex ActionPattern();
}
