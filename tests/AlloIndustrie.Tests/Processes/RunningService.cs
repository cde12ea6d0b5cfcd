using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace AlloIndustrie.Tests.Processes;

/// <summary>
/// The service as <c>./run.sh</c> runs it: silo processes and web front processes (Orleans clients), each
/// started from its project folder, on free loopback ports and a temporary data folder. By default one of
/// each on SQLite; with PostgreSQL settings, several of each form a cluster. Any process can be killed and
/// started again on the same data.
/// </summary>
public sealed class RunningService : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;
    private readonly IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> webFrontSettings;
    private readonly Func<int, IReadOnlyList<string>>? webFrontArguments;
    private readonly IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> siloSettings;
    private readonly bool keepLogs;
    private readonly IReadOnlyDictionary<string, string> releases;
    private readonly ServiceProcess?[] silos;
    private readonly ServiceProcess?[] webFronts;
    private readonly (int SiloPort, int GatewayPort)[] siloPorts;
    private readonly int[] webPorts;

    // Processes a test stopped on purpose: their exit does not mean that the service failed.
    private readonly HashSet<ServiceProcess> stopped = [];

    /// <param name="webFrontSettings">More settings for some web fronts only, by index: a node configured unlike the others.</param>
    /// <param name="webFrontArguments">Command-line arguments of each web front, given the port it is to answer on.</param>
    /// <param name="siloSettings">The same for silos.</param>
    /// <param name="keepLogs">Keep every line each process writes in <see cref="LogFile"/>, not only the tail.</param>
    /// <param name="dataDirectory">An existing data folder (a restored backup) instead of a new, empty one; it is deleted with the service.</param>
    /// <param name="releases">The checkout some processes are built in (<c>silo 0</c>, <c>web front 1</c>…: another release's); the others run this one's.</param>
    public RunningService(
        IReadOnlyDictionary<string, string>? settings = null,
        int silos = 1,
        int webFronts = 1,
        IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>>? webFrontSettings = null,
        IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>>? siloSettings = null,
        bool keepLogs = false,
        string? dataDirectory = null,
        Func<int, IReadOnlyList<string>>? webFrontArguments = null,
        IReadOnlyDictionary<string, string>? releases = null)
    {
        this.releases = releases ?? new Dictionary<string, string>();
        this.webFrontArguments = webFrontArguments;
        this.webFrontSettings = webFrontSettings ?? new Dictionary<int, IReadOnlyDictionary<string, string>>();
        this.siloSettings = siloSettings ?? new Dictionary<int, IReadOnlyDictionary<string, string>>();
        this.keepLogs = keepLogs;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("allo-test-").FullName;
        this.silos = new ServiceProcess?[silos];
        this.webFronts = new ServiceProcess?[webFronts];
        siloPorts = [.. Enumerable.Range(0, silos).Select(_ => (FreePort(), FreePort()))];
        webPorts = [.. Enumerable.Range(0, webFronts).Select(_ => FreePort())];
        environment = new Dictionary<string, string>
        {
            ["ALLO_DATA_DIR"] = DataDirectory,
            ["Allo__Notices__MinimumRetention"] = "00:00:05",

            // The subscriptions' key ring sealed, as ./run.sh has it; every silo of a cluster needs the same secret.
            ["Allo__Subscriptions__KeyRingSecret"] = TestKeyRingSecret,

            // One service serves many tests, whose notices of one site pile up as no real site's would.
            ["Allo__Notices__MaxVisiblePerSite"] = "1000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        Http = Client(0);
    }

    /// <summary>The key ring secret every process of a test service gets (base64 of 36 bytes).</summary>
    public const string TestKeyRingSecret = "QWxsb0luZHVzdHJpZSB0ZXN0czoga2V5IHJpbmcgc2VjcmV0";

    public string DataDirectory { get; }

    /// <summary>The first web front's port.</summary>
    public int WebPort => webPorts[0];

    /// <summary>The first web front.</summary>
    public Uri BaseAddress => WebFrontAddress(0);

    /// <summary>A client of the first web front.</summary>
    public HttpClient Http { get; }

    public DemoCredentials Credentials { get; private set; } = null!;

    /// <summary>What one web front wrote to its console so far.</summary>
    public string WebFrontOutput(int index) => webFronts[index]?.Output ?? "";

    public string Logs => string.Join('\n', silos.Concat(webFronts).OfType<ServiceProcess>().Select(p => $"--- {p.Name} ---\n{p.Output}"));

    /// <summary>Where every line of a process's output is kept, with <c>keepLogs</c>: <c>silo 0</c>, <c>web front 0</c>…</summary>
    public string LogFile(string process) => Path.Combine(DataDirectory, "logs", process.Replace(' ', '-') + ".log");

    public Uri WebFrontAddress(int index) => new($"http://127.0.0.1:{webPorts[index]}/");

    /// <summary>A silo's client gateway port, for tests that read grains directly.</summary>
    public int GatewayPort(int silo) => siloPorts[silo].GatewayPort;

    /// <summary>Starts every process that is not running, then waits until each web front is healthy.</summary>
    public Task Start() => Start(_ => true);

    /// <summary>The same for the processes <paramref name="which"/> names (<c>silo 0</c>, <c>web front 1</c>…) only.</summary>
    public async Task Start(Func<string, bool> which)
    {
        for (var i = 0; i < silos.Length; i++)
        {
            if (silos[i] is null or { HasExited: true } && which($"silo {i}"))
            {
                StartSilo(i);
            }
        }

        for (var i = 0; i < webFronts.Length; i++)
        {
            if (webFronts[i] is null or { HasExited: true } && which($"web front {i}"))
            {
                StartWebFront(i);
            }
        }

        for (var i = 0; i < webFronts.Length; i++)
        {
            if (webFronts[i] is { HasExited: false })
            {
                await WaitUntilHealthy(i);
            }
        }

        var credentials = Path.Combine(DataDirectory, "demo-credentials.json");
        await WaitFor(() => Task.FromResult(File.Exists(credentials)), "demo-credentials.json to be written");
        Credentials = JsonSerializer.Deserialize<DemoCredentials>(
            await File.ReadAllTextAsync(credentials), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>SIGKILL every process.</summary>
    public void KillAll()
    {
        foreach (var process in webFronts.Concat(silos))
        {
            process?.Kill();
        }
    }

    /// <summary>SIGKILL one silo.</summary>
    public void KillSilo(int index) => silos[index]?.Kill();

    /// <summary>SIGKILL one web front.</summary>
    public void KillWebFront(int index) => webFronts[index]?.Kill();

    /// <summary>SIGTERM every process; true when all stopped in time.</summary>
    public bool TerminateAll(TimeSpan patience) =>
        webFronts.Concat(silos).Aggregate(true, (stopped, process) => (process?.Terminate(patience) ?? true) & stopped);

    /// <summary>SIGTERM one web front; true when it stopped in time.</summary>
    public bool TerminateWebFront(int index, TimeSpan patience) => Terminate(webFronts[index], patience);

    /// <summary>SIGTERM one silo; true when it stopped in time.</summary>
    public bool TerminateSilo(int index, TimeSpan patience) => Terminate(silos[index], patience);

    private bool Terminate(ServiceProcess? process, TimeSpan patience)
    {
        if (process is null)
        {
            return true;
        }

        stopped.Add(process);
        return process.Terminate(patience);
    }

    public HttpClient Client(int webFront) =>
        new() { BaseAddress = WebFrontAddress(webFront), Timeout = TimeSpan.FromSeconds(30) };

    public HttpClient Operator(string territory, string site, int webFront = 0)
    {
        var client = Client(webFront);
        client.DefaultRequestHeaders.Authorization = new("Bearer", Credentials.ApiKeys[$"{territory}/{site}"]);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in webFronts.Concat(silos))
        {
            process?.Dispose();
        }

        Http.Dispose();
        await Task.Yield();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void StartSilo(int index)
    {
        var settings = new Dictionary<string, string>(environment)
        {
            ["Allo__Cluster__SiloPort"] = siloPorts[index].SiloPort.ToString(),
            ["Allo__Cluster__GatewayPort"] = siloPorts[index].GatewayPort.ToString(),
        };
        foreach (var (key, value) in siloSettings.GetValueOrDefault(index) ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        silos[index]?.Dispose();
        var root = releases.GetValueOrDefault($"silo {index}", RepositoryPaths.Root);
        silos[index] = new ServiceProcess(
            $"silo {index}", RepositoryPaths.Built(root, "Silo", "AlloIndustrie.Silo"), settings, Path.Combine(root, "Silo"), KeptLog($"silo {index}"));
    }

    private void StartWebFront(int index)
    {
        var settings = new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{webPorts[index]}",

            // With SQLite the only gateway is the one silo's; on PostgreSQL the membership table lists them all.
            ["Allo__Cluster__GatewayPort"] = siloPorts[0].GatewayPort.ToString(),
        };
        foreach (var (key, value) in webFrontSettings.GetValueOrDefault(index) ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        webFronts[index]?.Dispose();
        var root = releases.GetValueOrDefault($"web front {index}", RepositoryPaths.Root);
        webFronts[index] = new ServiceProcess(
            $"web front {index}", RepositoryPaths.Built(root, "WebFront", "AlloIndustrie.WebFront"), settings, Path.Combine(root, "WebFront"), KeptLog($"web front {index}"),
            webFrontArguments?.Invoke(webPorts[index]));
    }

    private string? KeptLog(string process)
    {
        if (!keepLogs)
        {
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(LogFile(process))!);
        return LogFile(process);
    }

    private async Task WaitUntilHealthy(int webFront)
    {
        using var client = Client(webFront);
        await WaitFor(async () =>
        {
            try
            {
                return (await client.GetAsync("healthz")).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, $"/healthz of web front {webFront} to answer 200");
    }

    /// <summary>Waits up to two minutes for <paramref name="condition"/>, failing early with the logs if a process died.</summary>
    public Task WaitFor(Func<Task<bool>> condition, string what) =>
        Polling.Eventually(what, TimeSpan.FromSeconds(120), condition, () => Logs, givenUp: () => webFronts.Concat(silos).Any(p => p is { HasExited: true } && !stopped.Contains(p)));

    /// <summary>A loopback port free when this returns.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
