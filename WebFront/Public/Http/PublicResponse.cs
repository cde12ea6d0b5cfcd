using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace AlloIndustrie.WebFront.Public.Http;

/// <summary>
/// Writes a public page or feed with an ETag computed from its bytes, so that a reader who already has it gets a
/// 304, and bounds how long the output cache may keep it.
/// </summary>
public static class PublicResponse
{
    public const string Html = "text/html; charset=utf-8";
    public const string Atom = "application/atom+xml; charset=utf-8";
    public const string Cap = "application/cap+xml; charset=utf-8";

    public static Task WriteHtml(HttpContext http, string html, PublicSiteOptions options, int status = StatusCodes.Status200OK, bool frameable = false, TimeSpan? validFor = null)
    {
        http.Response.Headers.ContentSecurityPolicy = ContentSecurity.Policy(options, frameable);
        if (!frameable)
        {
            http.Response.Headers.XFrameOptions = "DENY";
        }

        return Write(http, Html, Encoding.UTF8.GetBytes(html), options, status, validFor);
    }

    public static async Task Write(HttpContext http, string contentType, byte[] body, PublicSiteOptions options, int status = StatusCodes.Status200OK, TimeSpan? validFor = null)
    {
        var response = http.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        response.Headers.CacheControl = "no-cache";
        LimitCacheLifetime(http, options, validFor);

        if (status == StatusCodes.Status200OK)
        {
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12))}\"";
            response.Headers.ETag = etag;
            if (Matches(http.Request.Headers.IfNoneMatch, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>A cached copy must not outlive the moment a notice starts or expires, nor the configured duration.</summary>
    private static void LimitCacheLifetime(HttpContext http, PublicSiteOptions options, TimeSpan? validFor)
    {
        if (http.Features.Get<IOutputCacheFeature>() is not { } cache)
        {
            return;
        }

        var lifetime = validFor is { } left && left < options.CacheDuration ? left : options.CacheDuration;
        cache.Context.ResponseExpirationTimeSpan = lifetime < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : lifetime;
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag) =>
        EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag.Equals(etag, StringComparison.Ordinal));
}
