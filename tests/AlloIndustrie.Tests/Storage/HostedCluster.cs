using System.Net;
using System.Net.Sockets;
using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.Silo.Storage;
using AlloIndustrie.WebFront.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AlloIndustrie.Tests.Storage;

/// <summary>
/// A silo and a web front as the application runs them: separate hosts talking over TCP, configured
/// only through <c>AddAlloStorage</c> and <c>AddAlloOrleansClient</c>.
/// </summary>
public sealed class HostedCluster(ITestDatabase database)
{
    public string ClusterId { get; } = $"test-{Guid.NewGuid():N}";

    public int SiloPort { get; } = FreeTcpPort();

    public int GatewayPort { get; } = FreeTcpPort();

    public IHost CreateSilo()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Settings());
        builder.UseOrleans(silo => silo.AddAlloStorage(builder.Configuration));
        return builder.Build();
    }

    public WebApplication CreateWebFront()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(Settings());
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddAlloOrleansClient();
        return builder.Build();
    }

    private Dictionary<string, string?> Settings() => new(database.Settings)
    {
        [$"{ClusterConnection.ClusterSection}:ClusterId"] = ClusterId,
        [$"{ClusterConnection.ClusterSection}:SiloPort"] = SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{ClusterConnection.ClusterSection}:GatewayPort"] = GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
