namespace AlloIndustrie.ServiceDefaults.Configuration;

/// <summary>
/// Something a process checks before it starts serving, such as reaching its database: it throws a
/// <see cref="SettingException"/> naming the setting to look at, so the process stops at once with one clear line.
/// </summary>
public interface IStartupCheck
{
    Task CheckAsync(CancellationToken cancellationToken);
}
