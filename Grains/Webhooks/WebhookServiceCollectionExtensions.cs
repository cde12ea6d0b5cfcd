using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlloIndustrie.Grains.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>The webhooks' settings and their HTTP client, which checks every address it connects to.</summary>
    public static IServiceCollection AddAlloWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddSingleton<WebhookClient>();
        return services;
    }
}
