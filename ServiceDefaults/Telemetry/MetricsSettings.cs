using AlloIndustrie.ServiceDefaults.Configuration;

namespace AlloIndustrie.ServiceDefaults.Telemetry;

/// <summary><c>Allo:Metrics</c>: the Prometheus scrape endpoint (<c>/metrics</c>) on a listener of its own.</summary>
public sealed class MetricsSettings
{
    public const string Section = "Allo:Metrics";

    /// <summary>The port of the scrape endpoint; unset, there is none.</summary>
    public int? Port { get; set; }

    /// <summary>The host name it answers to: <c>localhost</c> by default, <c>*</c> for every address.</summary>
    public string? Host { get; set; }

    public string EffectiveHost => string.IsNullOrWhiteSpace(Host) ? "localhost" : Host.Trim();

    public static SettingException? Check(MetricsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Port is { } port && SettingRules.Port($"{Section}:Port", port) is { } badPort)
        {
            return badPort;
        }

        // The listener takes the host into its prefix (http://{host}:{port}/): a space or a slash would fail only once it starts.
        return settings.EffectiveHost is "*" or "+" || Uri.CheckHostName(settings.EffectiveHost) != UriHostNameType.Unknown
            ? null
            : SettingException.Invalid($"{Section}:Host", settings.Host, "un nom d’hôte ou une adresse IP (localhost, 10.0.0.11), ou * pour toutes", "a host name or an IP address (localhost, 10.0.0.11), or * for every address");
    }
}
