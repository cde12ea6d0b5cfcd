using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlloIndustrie.ServiceDefaults.Logging;

/// <summary>
/// Orleans' Debug and Trace lines print whole messages, arguments and results included (an account's e-mail
/// address, a report's text, the Twilio token) and grain ids (an account's is its e-mail address). Whatever the
/// configuration asks, Orleans' categories log from Information up, so that no log level puts personal data in
/// the logs.
/// </summary>
public static class LoggingFloor
{
    public const string OrleansCategory = "Orleans";

    public static IServiceCollection AddOrleansLoggingFloor(this IServiceCollection services)
    {
        // After every Configure: the floor holds over appsettings, environment variables and code alike.
        services.PostConfigure<LoggerFilterOptions>(options =>
        {
            var rules = options.Rules;
            for (var i = 0; i < rules.Count; i++)
            {
                if (IsOrleans(rules[i].CategoryName) && rules[i].LogLevel is { } level && level < LogLevel.Information)
                {
                    rules[i] = new LoggerFilterRule(rules[i].ProviderName, rules[i].CategoryName, LogLevel.Information, rules[i].Filter);
                }
            }

            // Below the rules of any provider for Orleans' categories, the default ones (possibly Trace) no longer apply.
            foreach (var provider in rules.Select(rule => rule.ProviderName).Distinct().ToList())
            {
                if (!rules.Any(rule => rule.ProviderName == provider && rule.CategoryName == OrleansCategory))
                {
                    rules.Add(new LoggerFilterRule(provider, OrleansCategory, LogLevel.Information, null));
                }
            }
        });
        return services;
    }

    private static bool IsOrleans(string? category) =>
        category is not null && (category == OrleansCategory || category.StartsWith(OrleansCategory + ".", StringComparison.Ordinal));
}
