using System.Net;
using AlloIndustrie.ServiceDefaults.Configuration;
using Microsoft.Extensions.Configuration;

namespace AlloIndustrie.Silo.Storage;

/// <summary>How the silo joins its cluster: the keys it shares with the web front (<see cref="ClusterConnection"/>), its own port and address.</summary>
public sealed record ClusterSettings(string ClusterId, int SiloPort, int GatewayPort, IPAddress AdvertisedIp)
{
    public const int DefaultSiloPort = ClusterNetworkSettings.DefaultSiloPort;

    /// <summary><see cref="ClusterNetworkSettings"/> bound and checked by the silo's rule.</summary>
    public static ClusterSettings FromConfiguration(IConfiguration configuration)
    {
        var settings = SettingsBinding.Read<ClusterNetworkSettings>(configuration, ClusterNetworkSettings.Section, ClusterNetworkSettings.SiloCheck);
        return new ClusterSettings(settings.EffectiveClusterId, settings.SiloPort, settings.GatewayPort, settings.Address);
    }
}
