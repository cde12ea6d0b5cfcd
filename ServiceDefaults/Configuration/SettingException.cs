namespace AlloIndustrie.ServiceDefaults.Configuration;

/// <summary>
/// A setting the process cannot start with. Its message is the one line an operator reads in the journal: the
/// key, what it holds, what is expected, in French then English. <see cref="ServiceStart"/> prints it and exits
/// rather than letting a stack trace, or a failure minutes later, say it less clearly.
/// </summary>
public sealed class SettingException : Exception
{
    /// <summary>sysexits' EX_CONFIG: a service manager should not restart a process that will fail the same way.</summary>
    public const int ConfigurationExitCode = 78;

    /// <summary>sysexits' EX_UNAVAILABLE: something the process needs does not answer yet; a restart may succeed.</summary>
    public const int UnavailableExitCode = 69;

    public SettingException(string key, string french, string english, Exception? inner = null, int exitCode = ConfigurationExitCode)
        : base($"Configuration {key} : {french} | Configuration {key}: {english}", inner)
    {
        Key = key;
        ExitCode = exitCode;
    }

    public string Key { get; }

    public int ExitCode { get; }

    /// <summary>A value that is set but wrong: quotes it, then says what is expected.</summary>
    public static SettingException Invalid(string key, string? value, string expectedFrench, string expectedEnglish) =>
        new(key, $"« {value} » n’est pas valable ; attendu : {expectedFrench}.", $"'{value}' is not valid; expected {expectedEnglish}.");

    /// <summary>A value that must be set and is not.</summary>
    public static SettingException Missing(string key, string expectedFrench, string expectedEnglish) =>
        new(key, $"manquant ; attendu : {expectedFrench}.", $"missing; expected {expectedEnglish}.");
}
