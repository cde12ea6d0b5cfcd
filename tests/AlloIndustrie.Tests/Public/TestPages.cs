using AlloIndustrie.WebFront.Residents.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlloIndustrie.Tests.Public;

/// <summary>The page renderer as the web front sets it up, with the static files of the build output its pages link to.</summary>
internal static class TestPages
{
    public static PageRenderer CreateRenderer()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(new StaticAssets(Path.Combine(AppContext.BaseDirectory, "wwwroot")))
            .BuildServiceProvider();
        return new PageRenderer(services, services.GetRequiredService<ILoggerFactory>());
    }
}
