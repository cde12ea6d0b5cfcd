using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace AlloIndustrie.WebFront.Public.Http;

/// <summary>
/// Builds and writes public pages and feeds, with an ETag computed from their bytes, so that a reader who
/// already has one gets a 304, and bounds how long the output cache may keep them.
/// </summary>
public static class PublicResponse
{
    public const string Html = "text/html; charset=utf-8";
    public const string Atom = "application/atom+xml; charset=utf-8";
    public const string Cap = "application/cap+xml; charset=utf-8";

    public static PublicPage HtmlPage(string html, PublicSiteOptions options, int status = StatusCodes.Status200OK, bool frameable = false, TimeSpan? validFor = null) =>
        Page(Html, Encoding.UTF8.GetBytes(html), status, validFor, ContentSecurity.Policy(options, frameable), frameable);

    public static PublicPage Page(string contentType, byte[] body, int status = StatusCodes.Status200OK, TimeSpan? validFor = null, string? contentSecurityPolicy = null, bool frameable = true) =>
        new(status, contentType, body, $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12))}\"", contentSecurityPolicy, frameable, validFor);

    /// <summary>A page that is never kept: the report forms and their answers.</summary>
    public static Task WriteHtml(HttpContext http, string html, PublicSiteOptions options, int status = StatusCodes.Status200OK) =>
        Write(http, HtmlPage(html, options, status));

    /// <summary>Writes the page, or a 304 when the reader already has these bytes.</summary>
    public static Task Write(HttpContext http, PublicPage page)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.CacheControl = "no-cache";
        LimitCacheLifetime(http, page.ValidFor);
        if (page.ContentSecurityPolicy is { } policy)
        {
            headers.ContentSecurityPolicy = policy;
        }

        if (!page.Frameable)
        {
            headers.XFrameOptions = "DENY";
        }

        if (page.Status == StatusCodes.Status200OK)
        {
            headers.ETag = page.ETag;
            if (Matches(http.Request.Headers.IfNoneMatch, page.ETag))
            {
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
        }

        http.Response.StatusCode = page.Status;
        http.Response.ContentType = page.ContentType;
        http.Response.ContentLength = page.Body.Length;
        return http.Response.Body.WriteAsync(page.Body, http.RequestAborted).AsTask();
    }

    /// <summary>A cached copy must not outlive the moment a notice starts or expires, nor the configured duration.</summary>
    private static void LimitCacheLifetime(HttpContext http, TimeSpan? validFor)
    {
        if (http.Features.Get<IOutputCacheFeature>() is not { } cache)
        {
            return;
        }

        var options = http.RequestServices.GetRequiredService<PublicSiteOptions>();
        var lifetime = validFor is { } left && left < options.CacheDuration ? left : options.CacheDuration;
        cache.Context.ResponseExpirationTimeSpan = lifetime < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : lifetime;
    }

    private static bool Matches(StringValues ifNoneMatch, string etag) =>
        ifNoneMatch.Count > 0
        && EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag.Equals(etag, StringComparison.Ordinal));
}
