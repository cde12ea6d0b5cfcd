using AlloIndustrie.Grains.Interfaces.Subscriptions.Channels.WebPush;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.Grains.Subscriptions.Channels.WebPush;

public static class WebPushServiceCollectionExtensions
{
    /// <summary>The Web Push channel's settings and client. Its tokens are dated by the real clock, which push services judge them by.</summary>
    public static IServiceCollection AddAlloWebPush(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebPushOptions>(configuration.GetSection(WebPushOptions.Section));
        services.AddSingleton(provider => new WebPushClient(
            provider.GetRequiredService<IGrainFactory>(), provider.GetRequiredService<IOptions<WebPushOptions>>(), TimeProvider.System));
        services.AddSingleton<IChannelSender, WebPushSender>();
        return services;
    }
}
