using AlloIndustrie.ServiceDefaults.Configuration;
using AlloIndustrie.WebFront.Api;
using AlloIndustrie.WebFront.Residents.Caching;
using AlloIndustrie.WebFront.Residents.Http;
using AlloIndustrie.WebFront.Residents.Live;
using AlloIndustrie.WebFront.Residents.Reading;
using AlloIndustrie.WebFront.Residents.Reports;
using AlloIndustrie.WebFront.Residents.Reports.Alerts;
using AlloIndustrie.WebFront.Residents.Subscriptions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlloIndustrie.WebFront.Residents;

/// <summary>Wires what residents use: the public pages, feeds and widget, their live updates, the reports ("Je signale") and the subscriptions ("Me prévenir").</summary>
public static class ResidentsExtensions
{
    public static WebApplicationBuilder AddAlloResidents(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PublicSiteOptions>().BindConfiguration(PublicSiteOptions.Section).ValidateSettings(PublicSiteOptions.Check);

        // The pages and their handlers take the checked settings themselves.
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<PublicSiteOptions>>().Value);
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

        services.AddOptions<ReportSettings>().BindConfiguration(ReportSettings.Section).ValidateSettings(ReportSettings.Check(ReportSettings.Section));
        services.AddOptions<ReportSettings>(SubscriptionLimits.OptionsName).BindConfiguration(SubscriptionLimits.Section)
            .ValidateSettings(ReportSettings.Check(SubscriptionLimits.Section));
        services.AddOptions<SubscriptionCodeSettings>().BindConfiguration(SubscriptionLimits.Section).ValidateSettings(SubscriptionCodeSettings.Check);
        services.AddSingleton(provider => new ClientLimits(provider.GetRequiredService<IOptions<ReportSettings>>().Value));
        services.AddSingleton<ReportHeatReader>();
        services.AddScoped<ReportAlertBoard>();
        services.AddSingleton<ReportAlertRelay>();
        services.AddSingleton<ReportAlertSubscriptions>();
        services.AddHostedService(provider => provider.GetRequiredService<ReportAlertSubscriptions>());
        services.AddSingleton<SubscriptionLimits>();
        services.AddOptions<TelephoneChannels>().BindConfiguration(TelephoneChannels.Section).ValidateSettings(TelephoneChannels.Check);
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<TelephoneChannels>>().Value);
        return builder;
    }

    /// <summary>
    /// The public pages already rendered, answered before routing (to go right after the exception handler and
    /// before <c>UseRouting</c>).
    /// </summary>
    public static WebApplication UseAlloPublicPageShortcut(this WebApplication app)
    {
        app.UseMiddleware<PublicPageShortcut>();
        return app;
    }

    public static WebApplication MapAlloResidents(this WebApplication app)
    {
        // Served from the build output, so that the site works whatever folder the process was started from.
        app.Services.GetRequiredService<StaticAssets>().Map(app);
        app.MapHub<NoticeHub>(NoticeHub.Path);
        Legal.LegalEndpoints.Map(app);
        PublicEndpoints.Map(app);
        ReportEndpoints.Map(app);
        app.MapHub<ReportAlertHub>(ReportAlertHub.Path);
        SubscriptionEndpoints.Map(app);
        return app;
    }
}
