using Microsoft.AspNetCore.OutputCaching;

namespace AlloIndustrie.WebFront.Public.Caching;

/// <summary>Tags a cached public response with its territory, taken from the route, so that a notice change evicts it.</summary>
public sealed class TerritoryTagPolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.HttpContext.Request.RouteValues.TryGetValue("territory", out var territory) && territory is string slug)
        {
            context.Tags.Add(PublicCacheTags.Territory(slug));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
