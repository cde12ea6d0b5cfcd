using System.Globalization;
using System.Net;
using AlloIndustrie.ServiceDefaults.Configuration;
using Microsoft.Extensions.Configuration;

namespace AlloIndustrie.Silo.Storage;

/// <summary>How the silo joins its cluster: the keys it shares with the web front (<see cref="ClusterConnection"/>), its own port and address.</summary>
public sealed record ClusterSettings(string ClusterId, int SiloPort, int GatewayPort, IPAddress AdvertisedIp)
{
    private const string SectionName = ClusterConnection.ClusterSection;
    public const int DefaultSiloPort = 11111;

    public static ClusterSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connection = ClusterConnection.FromConfiguration(configuration);
        return new ClusterSettings(
            connection.ClusterId,
            Settings.Port(configuration, $"{SectionName}:SiloPort", DefaultSiloPort),
            connection.GatewayPort,
            ReadAddress(configuration.GetSection(SectionName), "AdvertisedIp", IPAddress.Loopback));
    }

    private static IPAddress ReadAddress(IConfigurationSection section, string key, IPAddress defaultAddress)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return defaultAddress;
        }

        return IPAddress.TryParse(value.Trim(), out var address)
            ? address
            : throw SettingException.Invalid($"{SectionName}:{key}", value, "une adresse IP (10.0.0.11)", "an IP address (10.0.0.11)");
    }
}
