using AlloIndustrie.WebFront.Api;
using AlloIndustrie.WebFront.Live;
using AlloIndustrie.WebFront.Public.Caching;
using AlloIndustrie.WebFront.Public.Http;
using AlloIndustrie.WebFront.Public.Reading;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;

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
        services.AddOutputCache(options => options.AddPolicy(
            PublicCacheTags.PolicyName,
            policy => policy.AddPolicy<TerritoryTagPolicy>().SetVaryByQuery("lang", "view", "site")));
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
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/static",
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot")),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseOutputCache();
        app.MapHub<NoticeHub>(NoticeHub.Path);
        PublicEndpoints.Map(app);
        return app;
    }
}
