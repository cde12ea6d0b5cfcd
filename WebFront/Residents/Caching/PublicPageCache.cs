using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using AlloIndustrie.WebFront.Residents.Http;

namespace AlloIndustrie.WebFront.Residents.Caching;

/// <summary>
/// The public pages and feeds this web node has rendered, with their compressed forms. A page is rendered once
/// per change of its territory however many requests ask for it at the same moment: the first one renders, the
/// others wait for its result. A change of a territory's notices makes every page of it stale at once (its
/// generation moves on, so a rendering that began before the change is not kept); otherwise a page is kept until
/// the next moment a notice on it starts or expires, and at most <see cref="PublicSiteOptions.CacheDuration"/>.
/// </summary>
public sealed class PublicPageCache(PublicSiteOptions options, TimeProvider clock)
{
    // Only successful pages are kept, and only known territories, sites and notices have one, but a bound keeps
    // a flood of valid URLs (every notice's page, in both languages) from holding memory without end.
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> generations = new(StringComparer.Ordinal);

    /// <summary>
    /// The page kept for this key if it is rendered and current, with the endpoint that rendered it; otherwise
    /// false, and the request goes on to that endpoint.
    /// </summary>
    public bool TryGetCurrent(string key, [NotNullWhen(true)] out PublicPage? page, [NotNullWhen(true)] out Endpoint? endpoint)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Generation == Generation(entry.Territory)
            && entry.RenderedAndFreshAt(clock.GetUtcNow()) && entry.Endpoint is { } rendering)
        {
            page = entry.Page.Task.Result;
            endpoint = rendering;
            return true;
        }

        page = null;
        endpoint = null;
        return false;
    }

    /// <summary>The page for this key: kept, being rendered by another request, or rendered now by <paramref name="endpoint"/>.</summary>
    public async Task<PublicPage> GetOrRender(string key, string? territory, Endpoint? endpoint, Func<Task<PublicPage>> render)
    {
        while (true)
        {
            var generation = Generation(territory);
            var now = clock.GetUtcNow();
            if (entries.TryGetValue(key, out var entry))
            {
                if (entry.Generation == generation && entry.FreshAt(now))
                {
                    return await entry.Page.Task;
                }

                entries.TryRemove(KeyValuePair.Create(key, entry));
                continue;
            }

            if (entries.Count >= MaxEntries)
            {
                return await render();
            }

            var mine = new Entry(territory, generation, now, endpoint);
            if (!entries.TryAdd(key, mine))
            {
                continue;
            }

            try
            {
                var page = await render();
                if (page.Status == StatusCodes.Status200OK)
                {
                    // Compressed before the requests waiting for it are let through, so that none of them blocks on it.
                    page.Body.Prepare();
                }
                else
                {
                    entries.TryRemove(KeyValuePair.Create(key, mine));
                }

                mine.Rendered(page, options.CacheDuration);

                return page;
            }
            catch (Exception error)
            {
                entries.TryRemove(KeyValuePair.Create(key, mine));
                mine.Page.TrySetException(error);
                throw;
            }
        }
    }

    /// <summary>Every page of the territory is stale from now on, including those being rendered.</summary>
    public void Evict(string territory)
    {
        generations.AddOrUpdate(territory, 1, (_, generation) => generation + 1);
        foreach (var (key, entry) in entries)
        {
            if (entry.Territory == territory)
            {
                entries.TryRemove(KeyValuePair.Create(key, entry));
            }
        }
    }

    private long Generation(string? territory) => territory is not null && generations.TryGetValue(territory, out var generation) ? generation : 0;

    private sealed class Entry(string? territory, long generation, DateTimeOffset startedAt, Endpoint? endpoint)
    {
        private DateTimeOffset validUntil = DateTimeOffset.MaxValue;

        public string? Territory { get; } = territory;

        public long Generation { get; } = generation;

        public Endpoint? Endpoint { get; } = endpoint;

        public TaskCompletionSource<PublicPage> Page { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Still being rendered, or rendered and not yet stale.</summary>
        public bool FreshAt(DateTimeOffset now) => !Page.Task.IsCompleted || RenderedAndFreshAt(now);

        public bool RenderedAndFreshAt(DateTimeOffset now) => Page.Task.IsCompletedSuccessfully && now < validUntil;

        public void Rendered(PublicPage page, TimeSpan longest)
        {
            var lifetime = page.ValidFor is { } left && left < longest ? left : longest;
            validUntil = startedAt + (lifetime < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : lifetime);
            Page.TrySetResult(page);
        }
    }
}
