using System.Collections.Concurrent;
using AlloIndustrie.WebFront.Public.Http;

namespace AlloIndustrie.WebFront.Public.Caching;

/// <summary>
/// The rendered public pages and feeds of this web node, kept whole until a notice of their territory changes
/// (<see cref="Evict"/>) or the moment they were rendered for passes. ASP.NET's output cache did the same but
/// rebuilt each entry's headers and body from its stored form on every hit, a fifth of a page hit's CPU
/// (bench/CHANGES.md); here a hit writes bytes rendered once. Concurrent misses of one page wait for a single
/// rendering. Only 200 answers are kept, under a bounded number of keys, so that unknown addresses cost
/// nothing to remember.
/// </summary>
public sealed class PublicPageCache(PublicSiteOptions options, TimeProvider clock)
{
    public const int MaxPages = 10_000;

    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>The endpoint filter of the cached routes.</summary>
    public async ValueTask<object?> Serve(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var key = Key(request);
        while (true)
        {
            if (_slots.TryGetValue(key, out var slot))
            {
                if (!slot.ExpiredAt(clock.GetUtcNow()))
                {
                    return await slot.Page.Task;
                }

                _slots.TryRemove(new KeyValuePair<string, Slot>(key, slot));
                continue;
            }

            if (_slots.Count >= MaxPages)
            {
                return await next(context);
            }

            var territory = request.RouteValues.TryGetValue("territory", out var value) && value is string slug ? slug : "";
            var mine = new Slot(territory);
            if (_slots.TryAdd(key, mine))
            {
                return await Render(context, next, key, mine);
            }
        }
    }

    /// <summary>Forgets every page of the territory; the next reader of each renders it again.</summary>
    public void Evict(string territory)
    {
        foreach (var (key, slot) in _slots)
        {
            if (slot.Territory == territory)
            {
                _slots.TryRemove(new KeyValuePair<string, Slot>(key, slot));
            }
        }
    }

    private async Task<object?> Render(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string key, Slot slot)
    {
        try
        {
            var result = await next(context);
            if (result is PublicPage { Status: StatusCodes.Status200OK } page)
            {
                var lifetime = page.ValidFor is { } left && left < options.CacheDuration ? left : options.CacheDuration;
                slot.Keep(clock.GetUtcNow() + (lifetime < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : lifetime));
            }
            else
            {
                _slots.TryRemove(new KeyValuePair<string, Slot>(key, slot));
            }

            slot.Page.SetResult(result);
            return result;
        }
        catch (Exception error)
        {
            _slots.TryRemove(new KeyValuePair<string, Slot>(key, slot));
            slot.Page.SetException(error);
            throw;
        }
    }

    /// <summary>What a page depends on: its address and the query parameters the public routes read, normalised.</summary>
    private static string Key(HttpRequest request)
    {
        var query = request.Query;
        var language = query["lang"] == "en" ? "en" : "fr";
        var view = query["view"] == "widget" ? "widget" : "";
        return string.Concat(request.Scheme, "://", request.Host.Value, request.PathBase.Value, request.Path.Value, "?", language, "&", view, "&", query["site"].ToString());
    }

    private sealed class Slot(string territory)
    {
        private long _expiresAtTicks = long.MaxValue;

        public string Territory { get; } = territory;

        /// <summary>Completed with what the first reader got; later readers wait on it while it renders.</summary>
        public TaskCompletionSource<object?> Page { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Keep(DateTimeOffset until) => Volatile.Write(ref _expiresAtTicks, until.UtcTicks);

        public bool ExpiredAt(DateTimeOffset now) => now.UtcTicks >= Volatile.Read(ref _expiresAtTicks);
    }
}
