using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.ServiceDefaults.Configuration;

public static class SettingRules
{
    /// <summary>
    /// Checks bound options when the process starts (<c>ValidateOnStart</c>): <paramref name="rule"/> returns the
    /// <see cref="SettingException"/> describing the first faulty setting, or null when all is well.
    /// </summary>
    public static OptionsBuilder<T> ValidateSettings<T>(this OptionsBuilder<T> builder, Func<T, SettingException?> rule)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IValidateOptions<T>>(new RuleValidator<T>(builder.Name, rule));
        return builder.ValidateOnStart();
    }

    /// <summary>The rule for a rate or a limit: null when <paramref name="value"/> is at least 1.</summary>
    public static SettingException? AtLeastOne(string key, int value) =>
        value >= 1
            ? null
            : SettingException.Invalid(key, value.ToString(System.Globalization.CultureInfo.InvariantCulture), "un nombre entier supérieur ou égal à 1", "a whole number of at least 1");

    /// <summary>The rule for a TCP port: null when <paramref name="value"/> is one.</summary>
    public static SettingException? Port(string key, int value) =>
        value is > 0 and <= System.Net.IPEndPoint.MaxPort
            ? null
            : SettingException.Invalid(key, value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"un port TCP entre 1 et {System.Net.IPEndPoint.MaxPort}", $"a TCP port between 1 and {System.Net.IPEndPoint.MaxPort}");

    /// <summary>The rule for a delay or a duration: null when <paramref name="value"/> is longer than zero.</summary>
    public static SettingException? Positive(string key, TimeSpan value) =>
        value > TimeSpan.Zero
            ? null
            : SettingException.Invalid(key, value.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
                "une durée supérieure à zéro (hh:mm:ss)", "a duration longer than zero (hh:mm:ss)");

    /// <summary>The rule for a public address: null when unset or an absolute http(s) URL (<c>https://allo.example.fr</c>).</summary>
    public static SettingException? HttpUrl(string key, string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            ? null
            : SettingException.Invalid(key, value,
                "une adresse complète commençant par https:// ou http:// (https://allo.example.fr)",
                "an absolute URL starting with https:// or http:// (https://allo.example.fr)");

    private sealed class RuleValidator<T>(string? name, Func<T, SettingException?> rule) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options)
        {
            if (name is not null && name != optionsName)
            {
                return ValidateOptionsResult.Skip;
            }

            return rule(options) is { } failure ? ValidateOptionsResult.Fail(failure.Message) : ValidateOptionsResult.Success;
        }
    }
}
