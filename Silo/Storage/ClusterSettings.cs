using System.Globalization;
using System.Net;
using AlloIndustrie.ServiceDefaults.Configuration;
using Microsoft.Extensions.Configuration;

namespace AlloIndustrie.Silo.Storage;

/// <summary>How the silo joins its cluster, read from the <c>Allo:Cluster</c> configuration section.</summary>
public sealed record ClusterSettings(string ClusterId, int SiloPort, int GatewayPort, IPAddress AdvertisedIp)
{
    public const string SectionName = "Allo:Cluster";

    /// <summary>Identifies the application's persistent data (grain state, reminders) across deployments.</summary>
    public const string ServiceId = "alloindustrie";

    public const string DefaultClusterId = "alloindustrie";
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;

    public static ClusterSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var clusterId = section["ClusterId"];
        return new ClusterSettings(
            string.IsNullOrWhiteSpace(clusterId) ? DefaultClusterId : clusterId.Trim(),
            Settings.Port(configuration, $"{SectionName}:SiloPort", DefaultSiloPort),
            Settings.Port(configuration, $"{SectionName}:GatewayPort", DefaultGatewayPort),
            ReadAddress(section, "AdvertisedIp", IPAddress.Loopback));
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
