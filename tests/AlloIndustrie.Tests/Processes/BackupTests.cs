using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AlloIndustrie.Tests.Dashboard;
using AlloIndustrie.Tests.Subscriptions;
using Xunit;

namespace AlloIndustrie.Tests.Processes;

/// <summary>
/// <c>tools/backup.sh</c> copies a running service's data folder while operators keep publishing; restored into a
/// new folder, it starts a service that has every notice, account and key acknowledged before the backup began. The
/// key ring secret is not in the copy: restoring a sealed ring where the service will find no secret says so.
/// </summary>
public sealed class BackupTests : IAsyncDisposable
{
    private const string Rouen = "rouen-metropole";
    private const string Site = "raffinerie-petit-couronne";

    private readonly string backups = Directory.CreateTempSubdirectory("allo-backup-").FullName;
    private RunningService? restored;

    [Fact]
    public async Task A_backup_taken_under_write_load_restores_every_acknowledged_notice_account_and_key()
    {
        await using var service = new RunningService();
        await service.Start();

        // A key and an account created on the dashboard, then notices published without a pause while the backup runs.
        var admin = service.Credentials.TerritoryAdmins.First(a => a.Territory == Rouen);
        using (var session = await DashboardSession.SignIn(service.BaseAddress, admin.Email, admin.Password))
        {
            var created = await session.Post($"/tableau-de-bord/sites/{Rouen}/{Site}?handler=CreateKey", new() { ["label"] = "Clé d’avant la sauvegarde" });
            Assert.True(created.IsSuccessStatusCode || created.StatusCode == HttpStatusCode.Redirect, created.StatusCode.ToString());
        }

        // A subscriber's contact: the subscriptions' key ring gets its first key, sealed with the service's secret.
        Assert.Equal(HttpStatusCode.Accepted, (await SubscriptionClient.SignUp(service.Http, Rouen, "avant.sauvegarde@example.org")).StatusCode);

        var acknowledged = new List<string>();
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(Enumerable.Range(0, 2).Select(writer => Publish(service, writer, acknowledged, stop.Token)));
        await WaitForCount(acknowledged, 10);

        string[] before;
        lock (acknowledged)
        {
            before = [.. acknowledged];
        }

        var backup = Path.Combine(backups, "copy");
        var (code, output) = await Script("backup", service.DataDirectory, backup);
        Assert.True(code == 0, output);
        await WaitForCount(acknowledged, before.Length + 5);
        await stop.CancelAsync();
        await load;

        // Restored into a new folder, the service starts on it alone.
        var data = Path.Combine(backups, "restored");
        (code, output) = await Script("restore", backup, data);
        Assert.True(code == 0, output);
        var warning = Assert.Single(output.Split('\n'), line => line.StartsWith("backup.sh: warning:", StringComparison.Ordinal));
        Assert.Contains($"no key ring secret at {Path.Combine(data, "keyring-secret")}", warning, StringComparison.Ordinal);
        Assert.Contains("Allo__Subscriptions__KeyRingSecretFile", warning, StringComparison.Ordinal);

        // With the secret put in the new folder first, as the README says, there is nothing to warn of.
        var withSecret = Path.Combine(backups, "restored-with-secret");
        Directory.CreateDirectory(withSecret);
        await File.WriteAllTextAsync(Path.Combine(withSecret, "keyring-secret"), RunningService.TestKeyRingSecret);
        (code, output) = await Script("restore", backup, withSecret);
        Assert.True(code == 0, output);
        Assert.DoesNotContain("warning", output, StringComparison.Ordinal);

        (code, output) = await Script("restore", backup, data);
        Assert.NotEqual(0, code);
        Assert.Contains("already holds a database", output, StringComparison.Ordinal);
        service.KillAll();

        restored = new RunningService(dataDirectory: data);
        await restored.Start();
        foreach (var id in before)
        {
            Assert.Equal(HttpStatusCode.OK, (await restored.Http.GetAsync($"api/v1/notices/{id}")).StatusCode);
        }

        foreach (var (site, key) in service.Credentials.ApiKeys)
        {
            using var client = restored.Client(0);
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
            var response = await client.PostAsJsonAsync($"api/v1/territories/{site.Replace("/", "/sites/", StringComparison.Ordinal)}/notices", Notice("Après restauration"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var accounts = service.Credentials.Operators.Select(o => (o.Email, o.Password))
            .Concat(service.Credentials.TerritoryAdmins.Select(a => (a.Email, a.Password)))
            .Append((service.Credentials.Admin.Email, service.Credentials.Admin.Password));
        foreach (var (email, password) in accounts)
        {
            using var session = await DashboardSession.SignIn(restored.BaseAddress, email, password);
        }

        using var restoredAdmin = await DashboardSession.SignIn(restored.BaseAddress, admin.Email, admin.Password);
        Assert.Contains("Clé d’avant la sauvegarde", WebUtility.HtmlDecode(await restoredAdmin.Html($"/tableau-de-bord/sites/{Rouen}/{Site}")), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (restored is not null)
        {
            await restored.DisposeAsync();
        }

        if (Directory.Exists(backups))
        {
            Directory.Delete(backups, recursive: true);
        }
    }

    private static object Notice(string title) => new
    {
        eventType = "flare",
        nuisances = new[] { "light" },
        title,
        message = "Une flamme est visible au-dessus de la raffinerie.",
    };

    private static async Task Publish(RunningService service, int writer, List<string> acknowledged, CancellationToken stop)
    {
        using var client = service.Operator(Rouen, Site);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var response = await client.PostAsJsonAsync($"api/v1/territories/{Rouen}/sites/{Site}/notices", Notice($"Torchage {writer}-{i}"), CancellationToken.None);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = (await response.Content.ReadFromJsonAsync<JsonObject>(CancellationToken.None))!["id"]!.GetValue<string>();
            lock (acknowledged)
            {
                acknowledged.Add(id);
            }
        }
    }

    private static Task WaitForCount(List<string> acknowledged, int count) =>
        Polling.Eventually($"{count} notices to be published", TimeSpan.FromSeconds(60), () =>
        {
            lock (acknowledged)
            {
                return acknowledged.Count >= count;
            }
        });

    private static Task<(int Code, string Output)> Script(params string[] arguments) =>
        Commands.Run("bash", [Path.Combine(RepositoryPaths.Root, "tools", "backup.sh"), .. arguments]);
}
