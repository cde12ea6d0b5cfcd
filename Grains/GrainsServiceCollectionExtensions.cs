using AlloIndustrie.Grains.Notices;
using AlloIndustrie.Grains.Reports;
using AlloIndustrie.Grains.Subscriptions;
using AlloIndustrie.Grains.Subscriptions.Channels.WebPush;
using AlloIndustrie.Grains.Telemetry;
using AlloIndustrie.Grains.Telephony;
using AlloIndustrie.Grains.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlloIndustrie.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// What the grains need from the host. Their clock is Orleans' grain clock (<c>TimeProviderNames.Grains</c>),
    /// which tests replace with a fake one.
    /// </summary>
    public static IServiceCollection AddAlloGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NoticeOptions>(configuration.GetSection(NoticeOptions.Section));
        services.Configure<ReportOptions>(configuration.GetSection(ReportOptions.Section));
        services.AddAlloWebPush(configuration);
        services.AddAlloWebhooks(configuration);
        services.AddMetrics();
        services.AddSingleton<GrainMetrics>();
        services.AddAlloTelephony(configuration);
        services.AddAlloSubscriptions(configuration);
        return services;
    }
}
