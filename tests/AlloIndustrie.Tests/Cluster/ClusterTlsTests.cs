using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using AlloIndustrie.Tests.Processes;
using AlloIndustrie.Tests.Storage;
using Xunit;

namespace AlloIndustrie.Tests.Cluster;

/// <summary>
/// Two silos and a web front on PostgreSQL with mutual TLS, their certificates made by tools/cluster-certificates.sh:
/// the cluster works, and the silos' ports refuse whoever has no certificate of the cluster's authority.
/// </summary>
public sealed class ClusterTlsTests : IAsyncLifetime
{
    private const string Territory = "rouen-metropole";
    private readonly PostgresDatabase database = new();
    private readonly string certificates = Directory.CreateTempSubdirectory("allo-certs-").FullName;
    private readonly string intruder = Directory.CreateTempSubdirectory("allo-intruder-").FullName;
    private RunningService service = null!;

    public async Task InitializeAsync()
    {
        await Make(certificates, "silo-1", "silo-2", "web-1");
        await Make(intruder, "web-1");
        await database.InitializeAsync();
        service = new RunningService(
            new Dictionary<string, string>
            {
                ["Allo__Storage__Provider"] = "PostgreSql",
                ["Allo__Storage__ConnectionString"] = database.ConnectionString,
                ["Allo__Cluster__Tls__Authority"] = Path.Combine(certificates, "ca.pem"),
                ["Allo__Cluster__Tls__Certificate"] = Path.Combine(certificates, "web-1.pem"),
                ["Allo__Cluster__Tls__PrivateKey"] = Path.Combine(certificates, "web-1.key"),
            },
            silos: 2,
            webFronts: 1,
            siloSettings: new Dictionary<int, IReadOnlyDictionary<string, string>>
            {
                [0] = Node("silo-1"),
                [1] = Node("silo-2"),
            });
        await service.Start();
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(certificates, recursive: true);
        Directory.Delete(intruder, recursive: true);
    }

    [Fact]
    public async Task The_cluster_works_over_mutual_tls_and_its_ports_refuse_anyone_without_its_certificate()
    {
        using var client = service.Operator(Territory, "raffinerie-petit-couronne");
        var published = await client.PostAsJsonAsync($"api/v1/territories/{Territory}/sites/raffinerie-petit-couronne/notices", new
        {
            eventType = "flare",
            nuisances = new[] { "light" },
            title = "Torchage sur une grappe chiffrée",
            message = "Une flamme est visible au-dessus de la raffinerie.",
        });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var id = (await published.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await service.Http.GetAsync($"api/v1/notices/{id}")).StatusCode);

        var authority = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(certificates, "ca.pem"));
        foreach (var port in new[] { service.GatewayPort(0), service.GatewayPort(1) })
        {
            // The cluster's own certificate is let in: the refusals below are for the certificates, not the port.
            Assert.True(await Handshake(port, Path.Combine(certificates, "web-1"), authority), $"port {port} refused the cluster's certificate");
            Assert.False(await Handshake(port, null, authority), $"port {port} accepted a connection without a certificate");
            Assert.False(await Handshake(port, Path.Combine(intruder, "web-1"), authority), $"port {port} accepted another authority's certificate");
        }
    }

    private Dictionary<string, string> Node(string name) => new()
    {
        ["Allo__Cluster__Tls__Certificate"] = Path.Combine(certificates, name + ".pem"),
        ["Allo__Cluster__Tls__PrivateKey"] = Path.Combine(certificates, name + ".key"),
    };

    private static async Task Make(string folder, params string[] nodes)
    {
        var (code, output) = await Commands.Run("bash", [Path.Combine(RepositoryPaths.Root, "tools", "cluster-certificates.sh"), folder, .. nodes]);
        Assert.True(code == 0, output);
    }

    /// <summary>Whether a TLS session with the silo opens and lives: the silo ends one it does not accept.</summary>
    private static async Task<bool> Handshake(int port, string? node, X509Certificate2 authority)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var tls = new SslStream(tcp.GetStream());
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = "alloindustrie-cluster",
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null,
            ClientCertificates = node is null ? [] : [X509Certificate2.CreateFromPemFile(node + ".pem", node + ".key")],
        };
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await tls.AuthenticateAsClientAsync(options, timeout.Token);

            // With TLS 1.3 the server checks the client's certificate after the client thinks it is done: a
            // refusal shows as the connection ending at the first read.
            var buffer = new byte[1];
            var read = tls.ReadAsync(buffer, timeout.Token).AsTask();
            var settled = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(2), timeout.Token));
            return settled != read || await read > 0;
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException or SocketException)
        {
            return false;
        }
    }
}
