using System.Net;
using System.Net.Sockets;
using Xunit;

namespace AlloIndustrie.Tests.Processes;

/// <summary>What <c>./run.sh</c> shows as the web front's address is the one the server bound, <c>--urls</c> included.</summary>
public sealed class ListeningAddressTests
{
    [Fact]
    public async Task The_web_front_says_it_listens_on_the_address_given_by_urls_not_the_one_in_the_environment()
    {
        var environmentPort = ClosedPort();
        await using var service = new RunningService(
            webFrontSettings: new Dictionary<int, IReadOnlyDictionary<string, string>>
            {
                [0] = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{environmentPort}" },
            },
            webFrontArguments: port => ["--urls", $"http://127.0.0.1:{port}"]);
        await service.Start();

        var line = service.WebFrontOutput(0).Split('\n').SingleOrDefault(l => l.StartsWith("AlloIndustrie web front listening on", StringComparison.Ordinal));
        Assert.True(line is not null, service.WebFrontOutput(0));
        Assert.Contains($"http://127.0.0.1:{service.WebPort}", line);
        Assert.Contains($"http://127.0.0.1:{service.WebPort}/tableau-de-bord", line);
        Assert.DoesNotContain(environmentPort.ToString(System.Globalization.CultureInfo.InvariantCulture), line);
        Assert.Equal(HttpStatusCode.OK, (await service.Http.GetAsync("tableau-de-bord/connexion")).StatusCode);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
