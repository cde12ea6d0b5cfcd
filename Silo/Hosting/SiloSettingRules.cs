using AlloIndustrie.Grains.Notices;
using AlloIndustrie.Grains.Reports;
using AlloIndustrie.Grains.Speech;
using AlloIndustrie.ServiceDefaults.Configuration;

namespace AlloIndustrie.Silo.Hosting;

/// <summary>
/// The grains' settings checked when the silo starts: a rate of 0 or an empty timeout would otherwise surface
/// only when the first report, notice or synthesis reads it.
/// </summary>
public static class SiloSettingRules
{
    public static IServiceCollection AddAlloSettingRules(this IServiceCollection services)
    {
        services.AddOptions<NoticeOptions>().ValidateSettings(o =>
            SettingRules.Positive($"{NoticeOptions.Section}:MinimumRetention", o.MinimumRetention)
            ?? SettingRules.AtLeastOne($"{NoticeOptions.Section}:MaxVisiblePerSite", o.MaxVisiblePerSite));
        services.AddOptions<ReportOptions>().ValidateSettings(o =>
            SettingRules.AtLeastOne($"{ReportOptions.Section}:PerCommunePerHour", o.PerCommunePerHour)
            ?? SettingRules.AtLeastOne($"{ReportOptions.Section}:ClusterThreshold", o.ClusterThreshold)
            ?? SettingRules.Positive($"{ReportOptions.Section}:Window", o.Window)
            ?? SettingRules.Positive($"{ReportOptions.Section}:ChallengeLifetime", o.ChallengeLifetime));
        services.AddOptions<SpeechOptions>().ValidateSettings(o =>
            SettingRules.AtLeastOne($"{SpeechOptions.Section}:WordsPerMinute", o.WordsPerMinute)
            ?? SettingRules.AtLeastOne($"{SpeechOptions.Section}:SampleRate", o.SampleRate)
            ?? SettingRules.AtLeastOne($"{SpeechOptions.Section}:BitrateKbps", o.BitrateKbps)
            ?? SettingRules.AtLeastOne($"{SpeechOptions.Section}:MaxConcurrency", o.MaxConcurrency)
            ?? SettingRules.Positive($"{SpeechOptions.Section}:ProcessTimeout", o.ProcessTimeout));
        return services;
    }
}
