using Microsoft.AspNetCore.Http.Features;

namespace AlloIndustrie.WebFront.Hosting;

/// <summary>
/// Reads a request body within a size limit, as every endpoint anyone may post to does, so that nobody makes a
/// node read megabytes: a body announcing more is refused unread, a chunked one once it goes past the limit.
/// Each caller answers the refusal in its own form (a problem, a page, a bare 413).
/// </summary>
public static class BodyLimit
{
    /// <summary><paramref name="read"/>'s reading of the body, or null if the body is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<T?> Read<T>(HttpContext http, long maxBytes, Func<HttpRequest, CancellationToken, Task<T>> read)
        where T : class
    {
        if (http.Request.ContentLength > maxBytes)
        {
            return null;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        try
        {
            return await read(http.Request, http.RequestAborted);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A chunked body, whose length is known only once past the limit.
            return null;
        }
    }
}
