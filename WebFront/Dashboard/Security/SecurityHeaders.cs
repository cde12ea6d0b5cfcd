namespace AlloIndustrie.WebFront.Dashboard.Security;

/// <summary>
/// The dashboard runs only the site's own scripts (the live alerts and the overview's live notices), never inline ones, and no inline style
/// (it plays the notices' audio); it is never
/// framed, and its pages (which show keys and passwords once) are never cached.
/// </summary>
public static class SecurityHeaders
{
    private const string Policy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static Task Add(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        return next();
    }
}
