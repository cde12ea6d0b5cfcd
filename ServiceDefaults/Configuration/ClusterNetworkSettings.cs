using System.Net;

namespace AlloIndustrie.ServiceDefaults.Configuration;

/// <summary>
/// <c>Allo:Cluster</c>: how the nodes find each other. The cluster id and the gateway port are read by both
/// processes (<see cref="Check"/>); the silo's own port and advertised address by the silo alone (<see cref="SiloCheck"/>).
/// </summary>
public sealed class ClusterNetworkSettings
{
    public const string Section = "Allo:Cluster";
    public const string DefaultClusterId = "alloindustrie";
    public const int DefaultGatewayPort = 30000;
    public const int DefaultSiloPort = 11111;

    public string? ClusterId { get; set; }

    public int GatewayPort { get; set; } = DefaultGatewayPort;

    public int SiloPort { get; set; } = DefaultSiloPort;

    /// <summary>The address other silos and clients reach this silo at; loopback by default.</summary>
    public string? AdvertisedIp { get; set; }

    /// <summary>The cluster id, <see cref="DefaultClusterId"/> when unset.</summary>
    public string EffectiveClusterId => string.IsNullOrWhiteSpace(ClusterId) ? DefaultClusterId : ClusterId.Trim();

    /// <summary>The advertised address; only once <see cref="SiloCheck"/> accepted the settings.</summary>
    public IPAddress Address => string.IsNullOrWhiteSpace(AdvertisedIp) ? IPAddress.Loopback : IPAddress.Parse(AdvertisedIp.Trim());

    /// <summary>What both processes read.</summary>
    public static SettingException? Check(ClusterNetworkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return SettingRules.Port($"{Section}:GatewayPort", settings.GatewayPort);
    }

    /// <summary>What the silo reads besides.</summary>
    public static SettingException? SiloCheck(ClusterNetworkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Check(settings)
            ?? SettingRules.Port($"{Section}:SiloPort", settings.SiloPort)
            ?? (string.IsNullOrWhiteSpace(settings.AdvertisedIp) || IPAddress.TryParse(settings.AdvertisedIp.Trim(), out _)
                ? null
                : SettingException.Invalid($"{Section}:AdvertisedIp", settings.AdvertisedIp, "une adresse IP (10.0.0.11)", "an IP address (10.0.0.11)"));
    }
}
