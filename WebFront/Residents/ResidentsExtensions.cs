using AlloIndustrie.WebFront.Api;
using AlloIndustrie.WebFront.Residents.Caching;
using AlloIndustrie.WebFront.Residents.Http;
using AlloIndustrie.WebFront.Residents.Live;
using AlloIndustrie.WebFront.Residents.Reading;
using AlloIndustrie.WebFront.Residents.Reports;
using AlloIndustrie.WebFront.Residents.Reports.Alerts;
using AlloIndustrie.WebFront.Residents.Subscriptions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlloIndustrie.WebFront.Residents;

/// <summary>Wires what residents use: the public pages, feeds and widget, their live updates, the reports ("Je signale") and the subscriptions ("Me prévenir").</summary>
public static class ResidentsExtensions
{
    public static WebApplicationBuilder AddAlloResidents(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(PublicSiteOptions.From(builder.Configuration));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PublicNoticeReader>();
        services.AddSingleton<PageRenderer>();
        services.AddSingleton<PublicPageCache>();
        services.AddHttpClient(PageWarmer.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<PageWarmer>();
        services.AddHostedService(provider => provider.GetRequiredService<PageWarmer>());
        services.AddSingleton(new StaticAssets(Path.Combine(AppContext.BaseDirectory, "wwwroot")));
        services.AddSignalR().AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions));
        services.AddSingleton<NoticeRelay>();
        services.AddHostedService(provider => provider.GetRequiredService<NoticeRelay>());
        services.AddSingleton<TerritorySubscriptions>();
        services.AddHostedService(provider => provider.GetRequiredService<TerritorySubscriptions>());

        services.AddSingleton(ReportSettings.From(builder.Configuration));
        services.AddSingleton<ClientLimits>();
        services.AddSingleton<ReportHeatReader>();
        services.AddScoped<ReportAlertBoard>();
        services.AddSingleton<ReportAlertRelay>();
        services.AddSingleton<ReportAlertSubscriptions>();
        services.AddHostedService(provider => provider.GetRequiredService<ReportAlertSubscriptions>());
        services.AddSingleton<SubscriptionLimits>();
        services.AddSingleton<TelephoneChannels>();
        return builder;
    }

    public static WebApplication MapAlloResidents(this WebApplication app)
    {
        // Served from the build output, so that the site works whatever folder the process was started from.
        app.Services.GetRequiredService<StaticAssets>().Map(app);
        app.MapHub<NoticeHub>(NoticeHub.Path);
        PublicEndpoints.Map(app);
        ReportEndpoints.Map(app);
        app.MapHub<ReportAlertHub>(ReportAlertHub.Path);
        SubscriptionEndpoints.Map(app);
        return app;
    }
}
