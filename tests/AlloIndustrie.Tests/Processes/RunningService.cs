using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace AlloIndustrie.Tests.Processes;

/// <summary>
/// The service as <c>./run.sh</c> runs it: one silo process on SQLite in a data folder and one web front
/// process, its Orleans client, on free loopback ports. It can be killed and started again on the same data.
/// </summary>
public sealed class RunningService : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;
    private ServiceProcess? silo;
    private ServiceProcess? web;

    public RunningService(IReadOnlyDictionary<string, string>? settings = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("allo-test-").FullName;
        WebPort = FreePort();
        environment = new Dictionary<string, string>
        {
            ["ALLO_DATA_DIR"] = DataDirectory,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{WebPort}",
            ["Allo__Cluster__SiloPort"] = FreePort().ToString(),
            ["Allo__Cluster__GatewayPort"] = FreePort().ToString(),
            ["Allo__Notices__MinimumRetention"] = "00:00:05",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string DataDirectory { get; }

    public int WebPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{WebPort}/");

    public HttpClient Http { get; }

    public DemoCredentials Credentials { get; private set; } = null!;

    public string Logs => $"--- silo ---\n{silo?.Output}\n--- web front ---\n{web?.Output}";

    public async Task Start()
    {
        // Started as run.sh starts them: each from its project folder.
        silo = new ServiceProcess("silo", RepositoryPaths.Built("Silo", "AlloIndustrie.Silo"), environment, Path.Combine(RepositoryPaths.Root, "Silo"));
        web = new ServiceProcess("web", RepositoryPaths.Built("WebFront", "AlloIndustrie.WebFront"), environment, Path.Combine(RepositoryPaths.Root, "WebFront"));
        await WaitUntilHealthy();
        var credentials = Path.Combine(DataDirectory, "demo-credentials.json");
        await WaitFor(() => Task.FromResult(File.Exists(credentials)), "demo-credentials.json to be written");
        Credentials = JsonSerializer.Deserialize<DemoCredentials>(
            await File.ReadAllTextAsync(credentials), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>SIGKILL both processes.</summary>
    public void KillAll()
    {
        web?.Kill();
        silo?.Kill();
    }

    /// <summary>SIGTERM both processes; true when both stopped in time.</summary>
    public bool TerminateAll(TimeSpan patience) =>
        (web?.Terminate(patience) ?? true) & (silo?.Terminate(patience) ?? true);

    public HttpClient Operator(string territory, string site)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Credentials.ApiKeys[$"{territory}/{site}"]);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        web?.Dispose();
        silo?.Dispose();
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

    private async Task WaitUntilHealthy()
    {
        await WaitFor(async () =>
        {
            try
            {
                return (await Http.GetAsync("healthz")).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "/healthz to answer 200");
    }

    private async Task WaitFor(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline || silo!.HasExited || web!.HasExited)
            {
                throw new InvalidOperationException($"Timed out waiting for {what}.\n{Logs}");
            }

            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
