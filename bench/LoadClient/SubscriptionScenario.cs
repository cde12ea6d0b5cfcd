using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AlloIndustrie.Bench.LoadClient;

/// <summary>
/// Signs up <c>--push</c> Web Push and <c>--mail</c> e-mail subscribers through the contract's routes (each with its
/// proof of work; e-mails confirmed through their link), waits for <c>--go</c> to exist, publishes one notice and
/// times the last push and the last mail the stand-ins accept (after a first, untimed notice with <c>--warm-up 1</c>). It writes <c>--seeded</c> once everyone is subscribed
/// and <c>--published</c> at the publication, so that the script can measure the page around them.
/// </summary>
public static class SubscriptionScenario
{
    public static async Task<int> Run(Arguments arguments)
    {
        var pushCount = arguments.Number("push", 100_000);
        var mailCount = arguments.Number("mail", 20_000);
        var territory = arguments.Territory;
        await using var push = await PushSink.Start(arguments.Number("push-port", 0));
        await using var mail = MailSink.Start(arguments.Number("smtp-port", 0));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = arguments.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };

        // One browser key pair for every subscriber: the service encrypts for each of them all the same.
        using var browserKey = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = browserKey.ExportParameters(false).Q;
        var p256dh = Base64Url([4, .. point.X!, .. point.Y!]);
        var auth = Base64Url(RandomNumberGenerator.GetBytes(16));

        var signUp = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 32 };
        await Parallel.ForAsync(0, pushCount, parallel, async (i, _) =>
            await SignUp(http, territory, new { channel = "webpush", push = new { endpoint = $"{push.Origin}push/{i}", keys = new { p256dh, auth } } }, 201));
        var pushSignUp = signUp.Elapsed;
        await Parallel.ForAsync(0, mailCount, parallel, async (i, _) =>
            await SignUp(http, territory, new { channel = "email", email = $"abonne{i:D6}@bench.example" }, 202));
        var confirmed = 0;
        while (confirmed < mailCount)
        {
            var links = mail.TakeConfirmations();
            await Parallel.ForEachAsync(links, parallel, async (link, _) =>
            {
                using var response = await http.PostAsync(link, new FormUrlEncodedContent([]));
                response.EnsureSuccessStatusCode();
            });
            confirmed += links.Count;
            if (links.Count == 0)
            {
                await Task.Delay(200);
            }
        }

        var allSignUp = signUp.Elapsed;
        if (arguments.Number("warm-up", 0) > 0)
        {
            // A silo that has delivered before: its code compiled, its connections open. Only the next notice is timed.
            var warmUp = await new Operator(http, territory, arguments.Credentials).Publish("Échauffement de la délivrance");
            var warmUpAt = Stopwatch.GetTimestamp();
            while ((push.Received < pushCount || mail.Notices < mailCount) && Stopwatch.GetElapsedTime(warmUpAt) < TimeSpan.FromMinutes(10))
            {
                await Task.Delay(100);
            }

            Console.Error.WriteLine($"warm-up notice {warmUp.Id}: {push.Received} pushes, {mail.Notices} mails in {Stopwatch.GetElapsedTime(warmUpAt).TotalSeconds:F1} s");
            await Task.Delay(2000);
            push.Reset();
            mail.Reset();
        }

        await File.WriteAllTextAsync(arguments.Text("seeded"), "");
        while (!File.Exists(arguments.Text("go")))
        {
            await Task.Delay(100);
        }

        var publishedAt = Stopwatch.GetTimestamp();
        var notice = await new Operator(http, territory, arguments.Credentials).Publish($"Délivrance à tous {Guid.NewGuid():N}"[..28]);
        await File.WriteAllTextAsync(arguments.Text("published"), "");
        var patience = TimeSpan.FromSeconds(arguments.Number("patience", 300));
        while ((push.Received < pushCount || mail.Notices < mailCount) && Stopwatch.GetElapsedTime(publishedAt) < patience)
        {
            await Task.Delay(100);
        }

        string Last(long? at) => at is { } t ? $"{Stopwatch.GetElapsedTime(publishedAt, t).TotalSeconds:F1} s" : "—";
        Console.WriteLine("| channel | subscribers | signed up in | accepted by the stand-in | first | last |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine($"| Web Push | {pushCount:N0} | {pushSignUp.TotalSeconds:F0} s | {push.Received:N0} | {Last(push.FirstAt)} | {Last(push.LastAt)} |");
        Console.WriteLine($"| e-mail | {mailCount:N0} | {(allSignUp - pushSignUp).TotalSeconds:F0} s (with confirmation) | {mail.Notices:N0} | {Last(mail.FirstAt)} | {Last(mail.LastAt)} |");
        Console.WriteLine();
        Console.WriteLine($"Notice `{notice.Id}`; patience {patience.TotalSeconds:F0} s after the POST.");
        return push.Received >= pushCount && mail.Notices >= mailCount ? 0 : 1;
    }

    private static async Task SignUp(HttpClient http, string territory, object body, int expected)
    {
        using var challengeResponse = await http.PostAsync($"api/v1/territories/{territory}/subscriptions/challenge", null);
        challengeResponse.EnsureSuccessStatusCode();
        using var challenge = await JsonDocument.ParseAsync(await challengeResponse.Content.ReadAsStreamAsync());
        var token = challenge.RootElement.GetProperty("token").GetString()!;
        var request = JsonSerializer.SerializeToNode(body)!.AsObject();
        request["challenge"] = token;
        request["nonce"] = Solve(token, challenge.RootElement.GetProperty("bits").GetInt32());
        using var response = await http.PostAsJsonAsync($"api/v1/territories/{territory}/subscriptions", request);
        if ((int)response.StatusCode != expected)
        {
            throw new InvalidOperationException($"Sign-up answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The nonce a page's script finds: SHA-256 of the token then the nonce with <paramref name="bits"/> leading zero bits.</summary>
    private static string Solve(string token, int bits)
    {
        Span<byte> hash = stackalloc byte[32];
        for (long i = 0; ; i++)
        {
            var nonce = i.ToString(CultureInfo.InvariantCulture);
            SHA256.HashData(Encoding.UTF8.GetBytes(token + nonce), hash);
            var zeros = 0;
            foreach (var b in hash)
            {
                zeros += b == 0 ? 8 : BitOperations.LeadingZeroCount((uint)b) - 24;
                if (b != 0)
                {
                    break;
                }
            }

            if (zeros >= bits)
            {
                return nonce;
            }
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
