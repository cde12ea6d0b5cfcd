using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace AlloIndustrie.WebFront.Residents.Http;

/// <summary>
/// The site's scripts, styles and libraries (the build output's <c>wwwroot</c>), served at <c>/static/</c>. Every
/// link to one carries a hash of its bytes (<c>?v=</c>), so that browsers keep it a year without asking again and a
/// new version is a new URL; each is read and hashed once at start, and compressed once.
/// </summary>
public sealed class StaticAssets
{
    public const string RequestPath = "/static";

    /// <summary>Service workers end in <c>.sw.js</c>.</summary>
    public const string ServiceWorkerSuffix = ".sw.js";

    private const string Immutable = "public, max-age=31536000, immutable";

    private readonly FrozenDictionary<string, StaticAsset> assets;

    public StaticAssets(string root)
    {
        var types = new FileExtensionContentTypeProvider();
        assets = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(file =>
            {
                var path = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
                var bytes = File.ReadAllBytes(file);
                var type = types.TryGetContentType(file, out var found) ? found : "application/octet-stream";
                var version = Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 8));
                var text = type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal) || type.EndsWith("json", StringComparison.Ordinal) || type.EndsWith("svg+xml", StringComparison.Ordinal);
                // Files are compressed once per process: the smallest output is worth Brotli's slowest setting.
                return new StaticAsset(path, text ? type + "; charset=utf-8" : type, version, new EncodedBody(bytes, brotliQuality: 11, compressible: text));
            })
            .ToFrozenDictionary(asset => asset.Path, StringComparer.Ordinal);
    }

    /// <summary>The URL of a file under <c>wwwroot</c> with its version, for pages to link to.</summary>
    public string Url(string path) => assets.TryGetValue(path, out var asset)
        ? $"{RequestPath}/{path}?v={asset.Version}"
        : throw new InvalidOperationException($"No static file {path} in the build output.");

    /// <summary>Compresses every file now, so that no browser waits for it.</summary>
    public void Prepare()
    {
        foreach (var asset in assets.Values)
        {
            asset.Body.Prepare();
        }
    }

    public void Map(IEndpointRouteBuilder app) =>
        app.MapMethods(RequestPath + "/{**path}", [HttpMethods.Get, HttpMethods.Head], Serve).ExcludeFromDescription();

    private Task Serve(HttpContext http, string path)
    {
        if (!assets.TryGetValue(path, out var asset))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var (bytes, encoding) = asset.Body.For(http.Request);
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (path.EndsWith(ServiceWorkerSuffix, StringComparison.Ordinal))
        {
            // A service worker's scope is by default its own folder; this one must cover every page of the site.
            headers["Service-Worker-Allowed"] = "/";
        }

        headers.Vary = HeaderNames.AcceptEncoding;
        // An unversioned or outdated URL (an old page still open) is checked again each time.
        headers.CacheControl = http.Request.Query["v"] == asset.Version ? Immutable : "no-cache";
        var etag = $"\"{asset.Version}{(encoding is null ? "" : "-" + encoding)}\"";
        headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.Any(tag => tag is not null && tag.Contains(etag, StringComparison.Ordinal)))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        http.Response.ContentType = asset.ContentType;
        http.Response.ContentLength = bytes.Length;
        return HttpMethods.IsHead(http.Request.Method) ? Task.CompletedTask : http.Response.Body.WriteAsync(bytes, http.RequestAborted).AsTask();
    }

    private sealed record StaticAsset(string Path, string ContentType, string Version, EncodedBody Body);
}
