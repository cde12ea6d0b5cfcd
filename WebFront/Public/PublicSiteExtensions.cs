using AlloIndustrie.WebFront.Api;
using AlloIndustrie.WebFront.Live;
using AlloIndustrie.WebFront.Public.Caching;
using AlloIndustrie.WebFront.Public.Http;
using AlloIndustrie.WebFront.Public.Reading;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlloIndustrie.WebFront.Public;

/// <summary>Wires the residents' site (pages, feeds, widget) and its live updates into the web front.</summary>
public static class PublicSiteExtensions
{
    public static WebApplicationBuilder AddAlloPublicSite(this WebApplicationBuilder builder)
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
        return builder;
    }

    public static WebApplication MapAlloPublicSite(this WebApplication app)
    {
        // Served from the build output, so that the site works whatever folder the process was started from.
        app.Services.GetRequiredService<StaticAssets>().Map(app);
        app.MapHub<NoticeHub>(NoticeHub.Path);
        PublicEndpoints.Map(app);
        return app;
    }
}
