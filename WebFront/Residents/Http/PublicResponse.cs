using System.Security.Cryptography;
using System.Text;
using AlloIndustrie.WebFront.Residents.Pages;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace AlloIndustrie.WebFront.Residents.Http;

/// <summary>
/// Builds and writes public pages and feeds, with an ETag computed from their bytes, so that a reader who
/// already has one gets a 304, compressed when the browser accepts it.
/// </summary>
public static class PublicResponse
{
    public const string Html = "text/html; charset=utf-8";
    public const string Atom = "application/atom+xml; charset=utf-8";
    public const string Cap = "application/cap+xml; charset=utf-8";

    // A page is compressed once per change, but while the first request after a change compresses it every
    // other one waits: measured in bench/CHANGES.md, the level where waiting stays small and bytes close to 11.
    private const int BrotliQuality = 9;

    public static PublicPage HtmlPage(string html, PublicSiteOptions options, int status = StatusCodes.Status200OK, bool frameable = false, TimeSpan? validFor = null) =>
        Page(Html, Encoding.UTF8.GetBytes(html), status, validFor, ContentSecurity.Policy(options, frameable), frameable);

    public static PublicPage Page(string contentType, byte[] body, int status = StatusCodes.Status200OK, TimeSpan? validFor = null, string? contentSecurityPolicy = null, bool frameable = true) =>
        new(status, contentType, new EncodedBody(body, BrotliQuality), Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12)), contentSecurityPolicy, frameable, validFor);

    /// <summary>A page that is never kept: the report forms and their answers.</summary>
    public static Task WriteHtml(HttpContext http, string html, PublicSiteOptions options, int status = StatusCodes.Status200OK) =>
        Write(http, HtmlPage(html, options, status));

    /// <summary>The public site's "page not found" (404), never kept.</summary>
    public static async Task WriteNotFound(HttpContext http, PageRenderer pages, PageContext ctx, PublicSiteOptions options) =>
        await WriteHtml(http, await pages.NotFound(ctx, null), options, StatusCodes.Status404NotFound);

    /// <summary>Writes the page, or a 304 when the reader already has these bytes.</summary>
    public static Task Write(HttpContext http, PublicPage page)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.CacheControl = "no-cache";
        headers.Vary = HeaderNames.AcceptEncoding;
        if (page.ContentSecurityPolicy is { } policy)
        {
            headers.ContentSecurityPolicy = policy;
        }

        if (!page.Frameable)
        {
            headers.XFrameOptions = "DENY";
        }

        var (bytes, encoding) = page.Body.For(http.Request);
        if (page.Status == StatusCodes.Status200OK)
        {
            // Each encoding is its own representation; any of them shows the reader has these bytes.
            headers.ETag = $"\"{page.ETag}{(encoding is null ? "" : "-" + encoding)}\"";
            if (Matches(http.Request.Headers.IfNoneMatch, page.ETag))
            {
                http.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
        }

        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        http.Response.StatusCode = page.Status;
        http.Response.ContentType = page.ContentType;
        http.Response.ContentLength = bytes.Length;
        return http.Response.Body.WriteAsync(bytes, http.RequestAborted).AsTask();
    }

    private static bool Matches(StringValues ifNoneMatch, string etag) =>
        ifNoneMatch.Count > 0
        && EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || Unquoted(tag.Tag) is var seen && (seen == etag || seen.StartsWith(etag + "-", StringComparison.Ordinal)));

    private static string Unquoted(StringSegment tag) => tag.Value is { Length: >= 2 } quoted ? quoted[1..^1] : "";
}
