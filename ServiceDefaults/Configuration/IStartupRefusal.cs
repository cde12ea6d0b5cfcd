namespace AlloIndustrie.ServiceDefaults.Configuration;

/// <summary>
/// Recognises what a library throws, once the host is built, for a setting the process cannot start with (a port
/// another program holds), so that <see cref="ServiceStart"/> prints the setting rather than the library's stack trace.
/// </summary>
public interface IStartupRefusal
{
    /// <summary>The setting to correct, or null when <paramref name="exception"/> is not this refusal.</summary>
    SettingException? Explain(Exception exception);
}
