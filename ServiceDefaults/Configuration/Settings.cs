using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace AlloIndustrie.ServiceDefaults.Configuration;

/// <summary>Reads the settings every process checks the same way, failing with a <see cref="SettingException"/> that names the key.</summary>
public static class Settings
{
    /// <summary>A whole number of at least 1 (a rate, a limit), or <paramref name="fallback"/> when unset.</summary>
    public static int PositiveInteger(IConfiguration configuration, string key, int fallback)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
            ? number
            : throw PositiveIntegerExpected(key, value);
    }

    public static SettingException PositiveIntegerExpected(string key, string? value) =>
        SettingException.Invalid(key, value, "un nombre entier supérieur ou égal à 1", "a whole number of at least 1");

    /// <summary>A TCP port, or <paramref name="fallback"/> when unset.</summary>
    public static int Port(IConfiguration configuration, string key, int fallback)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= IPEndPoint.MaxPort
            ? port
            : throw SettingException.Invalid(key, value, $"un port TCP entre 1 et {IPEndPoint.MaxPort}", $"a TCP port between 1 and {IPEndPoint.MaxPort}");
    }
}
