using Microsoft.Extensions.Configuration;

namespace AlloIndustrie.ServiceDefaults.Configuration;

/// <summary>Options a process needs before its host exists (how to reach its database and its cluster).</summary>
public static class SettingsBinding
{
    /// <summary>
    /// <typeparamref name="T"/> bound from <paramref name="section"/> as <c>BindConfiguration</c> binds it, then
    /// checked by <paramref name="rule"/>, the same rule <see cref="SettingRules.ValidateSettings"/> gives the host's
    /// options: one class and one check per setting, whenever it is read. A value the binder cannot convert, or the
    /// rule's refusal, ends the start with the one line <see cref="ServiceStart"/> prints.
    /// </summary>
    public static T Read<T>(IConfiguration configuration, string section, Func<T, SettingException?> rule)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return rule(options) is { } failure ? throw failure : options;
    }
}
