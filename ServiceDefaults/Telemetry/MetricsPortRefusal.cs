using System.Net;
using AlloIndustrie.ServiceDefaults.Configuration;

namespace AlloIndustrie.ServiceDefaults.Telemetry;

/// <summary>
/// The scrape endpoint's listener could not take its port (another program, or the other process of the machine, has
/// it): the only <see cref="HttpListenerException"/> a process can meet while its host is built, since Kestrel serves
/// everything else.
/// </summary>
public sealed class MetricsPortRefusal(MetricsSettings settings) : IStartupRefusal
{
    public SettingException? Explain(Exception exception) => exception is HttpListenerException refused
        ? new SettingException(
            $"{MetricsSettings.Section}:Port",
            $"le port {settings.Port} ne s’ouvre pas sur {settings.EffectiveHost} ({refused.Message}) ; attendu : un port libre, propre à ce processus (le silo et le web front d’une même machine ont chacun le leur).",
            $"port {settings.Port} cannot be opened on {settings.EffectiveHost} ({refused.Message}); expected a free port of this process's own (the silo and the web front of one machine each have theirs).",
            refused)
        : null;
}
