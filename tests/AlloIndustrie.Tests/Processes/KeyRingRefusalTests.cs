using System.Net;
using AlloIndustrie.Grains.Subscriptions;
using AlloIndustrie.Tests.Public;
using AlloIndustrie.Tests.Subscriptions;
using Xunit;

namespace AlloIndustrie.Tests.Processes;

/// <summary>
/// A data folder whose key ring was sealed with one secret, opened by a silo given another (a node set up wrong, a
/// backup restored without its secret): the silo stops as for any bad setting, one line naming the key.
/// </summary>
public sealed class KeyRingRefusalTests
{
    [Fact]
    public async Task A_silo_given_another_secret_than_its_rings_stops_at_start_with_one_line_naming_the_key()
    {
        await using var service = new RunningService();
        await service.Start();
        using (var resident = service.Client(0))
        {
            // The first contact stored makes the ring's first key, sealed with the service's secret.
            Assert.Equal(HttpStatusCode.Accepted, (await SubscriptionClient.SignUp(resident, PublicSiteClient.Territory, "trousseau.refuse@example.org")).StatusCode);
        }

        Assert.True(service.TerminateAll(TimeSpan.FromSeconds(30)), "The service did not stop.");
        var settings = new Dictionary<string, string>
        {
            ["ALLO_DATA_DIR"] = service.DataDirectory,
            ["Allo__Cluster__GatewayPort"] = RunningService.FreePort().ToString(),
            ["Allo__Cluster__SiloPort"] = RunningService.FreePort().ToString(),
            ["Allo__Subscriptions__KeyRingSecret"] = KeyRingSecret.Generate(),
        };
        using var silo = new ServiceProcess("Silo", RepositoryPaths.Built("Silo", "AlloIndustrie.Silo"), settings, Path.Combine(RepositoryPaths.Root, "Silo"));

        var code = silo.WaitForExit(TimeSpan.FromSeconds(90));

        Assert.True(code is not null, $"The silo kept running with another secret:\n{silo.Output}");
        Assert.Equal(78, code);
        var line = Assert.Single(silo.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), l => l.StartsWith("Configuration ", StringComparison.Ordinal));
        Assert.StartsWith($"Configuration {KeyRingSecret.FileKey} : ", line, StringComparison.Ordinal);
        Assert.Contains("autre secret", line, StringComparison.Ordinal);
        Assert.Contains($"| Configuration {KeyRingSecret.FileKey}: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", silo.Output, StringComparison.Ordinal);
    }
}
