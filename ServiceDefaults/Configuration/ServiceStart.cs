using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.ServiceDefaults.Configuration;

/// <summary>
/// Builds and runs a process so that bad configuration stops it at once with one line naming the key, not a
/// stack trace, nor a failure minutes later at the first request that reads the setting: settings read while
/// building, options validated on start, then every <see cref="IStartupCheck"/>, all before the host starts.
/// </summary>
public static partial class ServiceStart
{
    /// <param name="build">Builds the host.</param>
    /// <param name="setting">
    /// What the process's own layers throw for a setting to correct, found only once the host runs (a silo's key
    /// ring opened with another secret), as the setting it is; null for anything else. The host's
    /// <see cref="IStartupRefusal"/>s are asked too.
    /// </param>
    public static async Task<int> RunAsync(Func<IHost> build, Func<Exception, SettingException?>? setting = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        IHost host;

        // Taken at once: the host's services are gone by the time a failed run ends.
        IStartupRefusal[] refusals = [];
        SettingException? Own(Exception exception) => setting?.Invoke(exception)
            ?? refusals.Select(refusal => refusal.Explain(exception)).FirstOrDefault(known => known is not null);
        try
        {
            host = build();
            refusals = [.. host.Services.GetServices<IStartupRefusal>()];
            host.Services.GetService<IStartupValidator>()?.Validate();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            foreach (var check in host.Services.GetServices<IStartupCheck>())
            {
                await check.CheckAsync(timeout.Token);
            }
        }
        catch (Exception exception) when (Explain(exception, Own) is { } line)
        {
            await Console.Error.WriteLineAsync(line.Text);
            return line.ExitCode;
        }

        using (host)
        {
            try
            {
                await host.RunAsync();
            }
            catch (Exception exception) when ((setting is not null || refusals.Length > 0) && Explain(exception, Own) is { } line)
            {
                await Console.Error.WriteLineAsync(line.Text);
                return line.ExitCode;
            }
        }

        return 0;
    }

    private static (string Text, int ExitCode)? Explain(Exception exception, Func<Exception, SettingException?> own) => exception switch
    {
        SettingException known => (known.Message, known.ExitCode),
        _ when own(exception) is { } refused => (refused.Message, refused.ExitCode),
        OptionsValidationException options => (string.Join(Environment.NewLine, options.Failures), SettingException.ConfigurationExitCode),
        AggregateException { InnerExceptions: [var single] } => Explain(single, own),
        InvalidOperationException when UnreadableValue().Match(exception.Message) is { Success: true } match => (
            new SettingException(match.Groups["key"].Value,
                $"valeur illisible ; attendu : une valeur de type {match.Groups["type"].Value}.",
                $"unreadable value; expected a value of type {match.Groups["type"].Value}.").Message,
            SettingException.ConfigurationExitCode),
        _ => exception.InnerException is { } inner ? Explain(inner, own) : null,
    };

    // What the configuration binder says of a value it cannot convert (a TimeSpan written "5 minutes").
    [GeneratedRegex("at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex UnreadableValue();
}
